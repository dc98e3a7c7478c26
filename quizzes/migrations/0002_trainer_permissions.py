"""Trainers, lead trainers and administrators may author the question bank and quizzes in the admin."""

from django.db import migrations

from quizzes.bootstrap import grant_permissions


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0001_initial"), ("accounts", "0002_create_role_groups")]
    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
