"""SCORM permissions of the trainer groups, granted by migration 0002 and again by tests/base_data.py.

Functions take an app registry (the migration's historical one or django.apps.apps).
"""

GROUPS = ("Formateur·rices", "Formateur·rices référent·es", "Administrateur·rices")
CODENAMES = ("add_scormpackage", "change_scormpackage", "delete_scormpackage", "view_scormpackage")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="scorm", model="scormpackage")
    perms = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )[0]
        for codename in CODENAMES
    ]
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*perms)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    perms = Permission.objects.filter(content_type__app_label="scorm", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*perms)
