"""What accounts tells the other rooms, so that accounts imports none of them."""

from django.dispatch import Signal

# Sent with `user=` once a changed or reset password is saved (not when a login merely
# re-hashes the same password). Each room that grants access besides the password (the
# API token, the calendar URL) replaces its secret in reply: whoever took over an
# account must lose it with the password.
password_changed = Signal()
