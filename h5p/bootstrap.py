"""H5P permissions of the trainer groups, granted by migration 0002 and again by tests/base_data.py.

Functions take an app registry (the migration's historical one or django.apps.apps).
"""

from accounts.bootstrap import role_groups

ROLES = ("trainer", "lead_trainer", "admin")
PERMISSIONS = {
    "h5pactivity": ("add_h5pactivity", "change_h5pactivity", "delete_h5pactivity", "view_h5pactivity"),
    "h5plibrary": ("view_h5plibrary",),
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    perms = []
    for model, codenames in PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="h5p", model=model)
        for codename in codenames:
            perm, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
            )
            perms.append(perm)
    for group in role_groups(apps, ROLES):
        group.permissions.add(*perms)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    codenames = [codename for codenames in PERMISSIONS.values() for codename in codenames]
    for group in role_groups(apps, ROLES, create=False):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="h5p", codename__in=codenames))
