"""Trainers, lead trainers and administrators manage H5P activities and see the library store."""

from django.db import migrations

from h5p.bootstrap import grant, revoke


class Migration(migrations.Migration):
    dependencies = [
        ("h5p", "0001_initial"),
        ("accounts", "0002_create_role_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
