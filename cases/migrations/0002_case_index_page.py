"""Create the "Cas pratiques" page under the home page and let trainers author cases below it."""

from django.db import migrations

from cases.bootstrap import create_case_index, remove_case_index


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("accounts", "0002_create_role_groups"),
    ]

    operations = [migrations.RunPython(create_case_index, remove_case_index)]
