"""Caps on what the reader reads, so one message can never tie up a worker."""

# What a user may paste (the form and the API refuse more, with a clear error).
MAX_MESSAGE_CHARS = 20_000
# A received raw message may be far larger (attachments): only its start is read.
MAX_RAW_BYTES = 200_000
# The text analysed after decoding (body of the message, all parts together).
MAX_TEXT_CHARS = 50_000
# A single header value.
MAX_HEADER_CHARS = 2_000
