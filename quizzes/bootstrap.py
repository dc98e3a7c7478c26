"""Quiz bank permissions of the trainer groups, granted by migration 0002 and again by tests/base_data.py.

Functions take an app registry (the migration's historical one or django.apps.apps).
"""

from accounts.bootstrap import role_groups

ROLES = ("trainer", "lead_trainer", "admin")
MODELS = ("questioncategory", "question", "quiz")
ACTIONS = ("add", "change", "delete", "view")


def grant_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="quizzes", model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )
            permissions.append(permission)
    for group in role_groups(apps, ROLES):
        group.permissions.add(*permissions)
