# The dates the pages show, by name: "|date:'DAY'" and date_format(x, "DAY") read the
# active language's pattern here (Django's own names, DATE_FORMAT and the like, stay as
# Django has them for the admin and forms). English: "3 Dec 2026", "Mon 7 Dec, 14:05".
DAY_MONTH = "j M"
DAY = "j M Y"
DAY_TIME = "j M Y, H:i"
WEEKDAY_DAY_MONTH = "D j M"
WEEKDAY_DAY = "D j M Y"
WEEKDAY_DAY_MONTH_TIME = "D j M, H:i"
WEEKDAY_DAY_TIME = "D j M Y, H:i"
