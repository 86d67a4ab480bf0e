"""The app password at rest: Fernet (AES + HMAC) with a key from the environment.

INBOX_ENCRYPTION_KEY is a Fernet key (`python -c "from cryptography.fernet import Fernet;
print(Fernet.generate_key().decode())"`). Without it, in development only
(DEBUG on), a key is derived from SECRET_KEY so that a fresh clone works; with DEBUG off no
password is stored until the administrator sets one. Changing the key makes stored
passwords unreadable: users are told to enter them again.
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.utils.translation import gettext


class PasswordUnreadable(Exception):
    """The stored password was encrypted with another key."""


class NoKey(Exception):
    """Production without INBOX_ENCRYPTION_KEY: nothing may be encrypted."""


def _fernet() -> Fernet:
    key: str = getattr(settings, "INBOX_ENCRYPTION_KEY", "")
    if key:
        try:
            return Fernet(key.encode())
        except ValueError:
            raise NoKey(gettext("INBOX_ENCRYPTION_KEY is not a valid Fernet key.")) from None
    if not settings.DEBUG:
        raise NoKey(
            gettext("The administrator must set INBOX_ENCRYPTION_KEY to connect mailboxes.")
        )
    derived = hashlib.sha256(f"rebound-inbox:{settings.SECRET_KEY}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(derived))


def password_encrypt(password: str) -> str:
    return _fernet().encrypt(password.encode()).decode()


def password_decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except (InvalidToken, ValueError):
        raise PasswordUnreadable from None
