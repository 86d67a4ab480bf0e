from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0008_company_name_key_fill"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="company",
            name="company_unique_name_per_owner",
        ),
        migrations.AddConstraint(
            model_name="company",
            constraint=models.UniqueConstraint(
                fields=("owner", "name_key"), name="company_unique_key_per_owner"
            ),
        ),
        migrations.AddConstraint(
            model_name="company",
            constraint=models.CheckConstraint(
                condition=models.Q(("name_key", ""), _negated=True), name="company_key_set"
            ),
        ),
    ]
