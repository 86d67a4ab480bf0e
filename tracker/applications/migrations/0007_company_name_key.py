from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0006_changesource_inbox"),
    ]

    operations = [
        migrations.AddField(
            model_name="company",
            name="name_key",
            field=models.CharField(default="", editable=False, max_length=200),
            preserve_default=False,
        ),
    ]
