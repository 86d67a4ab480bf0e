import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0003_alter_application_notes_alter_contact_notes_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="description",
            field=models.TextField(
                blank=True,
                max_length=50000,
                validators=[django.core.validators.MaxLengthValidator(50000)],
            ),
        ),
        migrations.AddField(
            model_name="application",
            name="apply_url",
            field=models.URLField(blank=True, max_length=500, verbose_name="apply URL"),
        ),
        migrations.AddField(
            model_name="application",
            name="posting_text",
            field=models.TextField(
                blank=True,
                max_length=100000,
                validators=[django.core.validators.MaxLengthValidator(100000)],
                verbose_name="copy of the posting page's text",
            ),
        ),
        migrations.AddField(
            model_name="application",
            name="posting_captured_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
