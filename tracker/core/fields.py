from typing import Any

from django.core.validators import MaxLengthValidator
from django.db import models

from tracker.core.text import single_line


def bounded_text(max_length: int, **options: Any) -> models.TextField[str, str]:
    """A TextField whose limit model validation enforces too.

    Django passes a TextField's max_length to the form widget only, so without the
    validator `full_clean` (which every service runs) would let a longer text through.
    """
    return models.TextField(
        max_length=max_length, validators=[MaxLengthValidator(max_length)], **options
    )


class SingleLineCharField(models.CharField[str, str]):
    """A CharField that holds one line, however the value arrives.

    Normalised in to_python (forms and full_clean) and again in pre_save, which also runs
    for bulk_create, so an import or an API write cannot store a CR/LF either.
    """

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        return single_line(value) if isinstance(value, str) else value

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = super().pre_save(model_instance, add)
        if isinstance(value, str):
            value = single_line(value)
            setattr(model_instance, self.attname, value)
        return value

    def deconstruct(self) -> Any:
        # Stored exactly as a CharField: migrations see no change.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs
