from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0017_company_address_and_phone"),
    ]

    operations = [
        migrations.AddField(
            model_name="contact",
            name="linkedin_url",
            field=models.URLField(blank=True, max_length=500, verbose_name="LinkedIn URL"),
        ),
    ]
