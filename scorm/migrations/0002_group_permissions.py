"""Trainers, lead trainers and administrators manage SCORM modules."""

from django.db import migrations

from scorm.bootstrap import grant, revoke


class Migration(migrations.Migration):
    dependencies = [
        ("scorm", "0001_initial"),
        ("accounts", "0002_create_role_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
