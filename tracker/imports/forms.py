from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tracker.applications.models import Stage
from tracker.imports import columns
from tracker.imports.csvfile import MAX_COLUMNS, MAX_UPLOAD_BYTES
from tracker.imports.models import ImportJob
from tracker.imports.services import Mapping, StageValue


def _read_capped(upload: Any) -> bytes:
    """The upload's bytes, reading one byte past the limit at most (the service says no)."""
    upload.seek(0)
    data: bytes = upload.read(MAX_UPLOAD_BYTES + 1)
    return data


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Rebound's applications.csv, or any spreadsheet saved as CSV (up to 10 MB, "
            "20,000 rows and 200 columns). You choose what each column means next."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )
    history_file = forms.FileField(
        label=_("history.csv (optional)"),
        required=False,
        help_text=_(
            "From the same Rebound export as applications.csv: recreates each "
            "application's stage history exactly."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )

    def file_bytes(self) -> tuple[str, bytes]:
        upload = self.cleaned_data["file"]
        return upload.name, _read_capped(upload)

    def history_bytes(self) -> tuple[str, bytes | None]:
        upload = self.cleaned_data.get("history_file")
        return (upload.name, _read_capped(upload)) if upload else ("", None)


class ImportMappingForm(forms.Form):
    """One select per column of the file, one per status value found in the stage column.

    A status value's select is named by its position; a hidden field beside it carries
    the value it maps, so the pairs survive whatever the values contain.
    """

    date_order = forms.ChoiceField(
        label=_("Dates are written"), choices=columns.DATE_ORDERS, required=False
    )
    skip_duplicates = forms.BooleanField(
        label=_("Skip duplicates"),
        required=False,
        help_text=_(
            "Rows with the company, role and date applied of an application you already "
            "have are left out. Otherwise they stop the import, so that nothing is imported twice."
        ),
    )

    def __init__(
        self,
        *args: Any,
        job: ImportJob,
        mapping: Mapping,
        stage_values: list[StageValue],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.job = job
        self.stage_count = 0
        self.fields["date_order"].initial = mapping.date_order
        self.fields["skip_duplicates"].initial = job.skip_duplicates
        if job.own_format:
            return
        choices = [(columns.IGNORE, _("Ignore this column")), *columns.TARGETS]
        # Never more fields than the upload allows, whatever a stored job holds (the
        # service refuses a wider job's mapping).
        for i, name in enumerate(job.header[:MAX_COLUMNS]):
            self.fields[f"column_{i}"] = forms.ChoiceField(
                label=name or _("Column %(number)d") % {"number": i + 1},
                choices=choices,
                required=False,
                initial=mapping.columns[i] if i < len(mapping.columns) else columns.IGNORE,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
        stage_choices = [("", _("Choose a stage")), *Stage.choices]
        for n, value in enumerate(stage_values):
            self.fields[f"stagekey_{n}"] = forms.CharField(
                widget=forms.HiddenInput, initial=value.key, required=False
            )
            self.fields[f"stage_{n}"] = forms.ChoiceField(
                label=value.example or _("(empty)"),
                choices=stage_choices,
                required=False,
                initial=value.stage,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
        self.stage_count = len(stage_values)

    def column_fields(self) -> list[forms.BoundField]:
        if self.job.own_format:
            return []
        return [self[f"column_{i}"] for i in range(min(len(self.job.header), MAX_COLUMNS))]

    def stage_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        if self.job.own_format:
            return []
        return [(self[f"stagekey_{n}"], self[f"stage_{n}"]) for n in range(self.stage_count)]

    def submitted_mapping(self) -> dict[str, Any]:
        """What the browser sent, for services.import_mapping_clean to check."""
        data = self.cleaned_data
        width = min(len(self.job.header), MAX_COLUMNS)
        targets = [data.get(f"column_{i}") or "" for i in range(width)]
        stages = {}
        for n in range(self.stage_count):
            key = data.get(f"stagekey_{n}") or ""
            stages[key] = data.get(f"stage_{n}") or ""
        return {
            "columns_": targets,
            "stages": stages,
            "date_order": data.get("date_order") or "dmy",
        }
