"""Role groups and their admin permissions, created by migration 0002 and again by tests/base_data.py.

Functions take an app registry (the migration's historical one or django.apps.apps) so they work in both places.
A role's group is found by its code (`accounts.RoleGroup`, migration 0003), never by its name, which
administrators may rename; `role_group` is the one place that looks groups up.
"""

# Name given to a role's group when it is created; only a default label afterwards.
GROUPS = {
    "learner": "Apprenant·es",
    "trainer": "Formateur·rices",
    "lead_trainer": "Formateur·rices référent·es",
    "manager": "Responsables d'équipe",
    "admin": "Administrateur·rices",
}
ADMIN_ROLES = ("trainer", "lead_trainer", "admin")
COLLECTION_PERMISSIONS = {
    ("wagtailimages", "image"): ("add_image", "change_image", "choose_image"),
    ("wagtaildocs", "document"): ("add_document", "change_document", "choose_document"),
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return perm


def role_group(apps, role, create=True):
    """The group of a role (a code of `GROUPS`), created with its default name if missing and `create` is true.

    Migrations older than accounts 0003 run with a historical registry that has no RoleGroup: there the default
    name is the only key they ever knew.
    """
    Group = apps.get_model("auth", "Group")
    try:
        RoleGroup = apps.get_model("accounts", "RoleGroup")
    except LookupError:
        lookup = Group.objects.get_or_create if create else Group.objects.filter
        found = lookup(name=GROUPS[role])
        return found[0] if create else found.first()
    link = RoleGroup.objects.select_related("group").filter(code=role).first()
    if link is not None:
        return link.group
    if not create:
        return None
    group = Group.objects.filter(name=GROUPS[role], role__isnull=True).first()
    if group is None:
        group = Group.objects.create(name=_free_name(Group, GROUPS[role], role))
    RoleGroup.objects.create(code=role, group=group)
    return group


def role_groups(apps, roles, create=True):
    """The groups of several roles, skipping missing ones when `create` is false."""
    groups = [role_group(apps, role, create=create) for role in roles]
    return [group for group in groups if group is not None]


def _free_name(Group, name, role):
    # The default name may already label another role's group after a rename; group names are unique.
    return name if not Group.objects.filter(name=name).exists() else f"{name} ({role})"


def create_groups(apps, schema_editor):
    for role in GROUPS:
        grant_admin_permissions(apps, role, role_group(apps, role))


def grant_admin_permissions(apps, role, group):
    """Trainer and administrator groups enter the Wagtail admin and use images and documents."""
    if role not in ADMIN_ROLES:
        return
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group.permissions.add(permission(apps, "wagtailadmin", "admin", "access_admin"))
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is None:
        return
    for (app_label, model), codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(apps, app_label, model, codename)
            )


def attach_role_codes(apps, schema_editor):
    """Migration 0003: give each existing role group (found by its historical name) its code; a missing group is
    created with its permissions."""
    Group = apps.get_model("auth", "Group")
    for role, name in GROUPS.items():
        existed = Group.objects.filter(name=name).exists()
        group = role_group(apps, role)
        if not existed:
            grant_admin_permissions(apps, role, group)


def remove_groups(apps, schema_editor):
    for group in role_groups(apps, GROUPS, create=False):
        group.delete()
