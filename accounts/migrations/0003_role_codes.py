"""Find role groups by a stable code instead of their editable French name."""

import django.db.models.deletion
from django.db import migrations, models

from accounts.bootstrap import attach_role_codes


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_create_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.CreateModel(
            name="RoleGroup",
            fields=[
                (
                    "code",
                    models.CharField(max_length=20, primary_key=True, serialize=False, verbose_name="code du rôle"),
                ),
                (
                    "group",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="role",
                        to="auth.group",
                        verbose_name="groupe",
                    ),
                ),
            ],
            options={"verbose_name": "groupe de rôle", "verbose_name_plural": "groupes de rôle"},
        ),
        migrations.RunPython(attach_role_codes, migrations.RunPython.noop),
    ]
