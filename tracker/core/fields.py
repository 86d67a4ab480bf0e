from typing import Any

from django.core.validators import MaxLengthValidator
from django.db import models


def bounded_text(max_length: int, **options: Any) -> models.TextField[str, str]:
    """A TextField whose limit model validation enforces too.

    Django passes a TextField's max_length to the form widget only, so without the
    validator `full_clean` (which every service runs) would let a longer text through.
    """
    return models.TextField(
        max_length=max_length, validators=[MaxLengthValidator(max_length)], **options
    )
