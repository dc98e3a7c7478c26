"""Role groups and their admin permissions, created by migration 0002 and again by tests/base_data.py.

Functions take an app registry (the migration's historical one or django.apps.apps) so they work in both places.
"""

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


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    root_collection = Collection.objects.filter(depth=1).first()
    for role, name in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        if role not in ADMIN_ROLES:
            continue
        group.permissions.add(access_admin)
        if root_collection is None:
            continue
        for (app_label, model), codenames in COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(apps, app_label, model, codename),
                )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS.values()).delete()
