"""The catalogue page « Formations » under the home page, who may author under it, and its moderation workflow.

Trainers add and edit pages and submit them for moderation; lead trainers and administrators publish and
approve. Run again by tests/base_data.py after a transactional flush, so every function is idempotent."""

from django.db import migrations

from courses.bootstrap import create_catalogue, remove_catalogue


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_french_search_config"),
        ("home", "0002_create_homepage"),
        ("accounts", "0002_create_role_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_catalogue, remove_catalogue)]
