# "7 dic. 2026", "lun. 7 dic., 14:05" (the names: core/formats/en/formats.py).
DAY_MONTH = "j N"
DAY = "j N Y"
DAY_TIME = "j N Y, H:i"
WEEKDAY_DAY_MONTH = "D. j N"
WEEKDAY_DAY = "D. j N Y"
WEEKDAY_DAY_MONTH_TIME = "D. j N, H:i"
WEEKDAY_DAY_TIME = "D. j N Y, H:i"
