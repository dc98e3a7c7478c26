"""SCORM permissions of the trainer groups, granted by migration 0002 and again by tests/base_data.py.

Functions take an app registry (the migration's historical one or django.apps.apps).
"""

from accounts.bootstrap import role_groups

ROLES = ("trainer", "lead_trainer", "admin")
CODENAMES = ("add_scormpackage", "change_scormpackage", "delete_scormpackage", "view_scormpackage")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="scorm", model="scormpackage")
    perms = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )[0]
        for codename in CODENAMES
    ]
    for group in role_groups(apps, ROLES):
        group.permissions.add(*perms)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="scorm", codename__in=CODENAMES)
    for group in role_groups(apps, ROLES, create=False):
        group.permissions.remove(*perms)
