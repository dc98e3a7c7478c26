"""Wagtail creates a default workflow and task named « Moderators approval » on the root page: cases, quiz pages and
site pages use it, so the admin's button read « Soumettre à Moderators approval ». Give both French names."""

from django.db import migrations

RENAMES = {
    "Workflow": ("Moderators approval", "Validation des contenus"),
    "Task": ("Moderators approval", "Relecture par les modérateur·rices"),
}


def to_french(apps, schema_editor):
    for model, (english, french) in RENAMES.items():
        apps.get_model("wagtailcore", model).objects.filter(name=english).update(name=french)


def to_english(apps, schema_editor):
    for model, (english, french) in RENAMES.items():
        apps.get_model("wagtailcore", model).objects.filter(name=french).update(name=english)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_privacy_data_controller_setting"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_french, to_english)]
