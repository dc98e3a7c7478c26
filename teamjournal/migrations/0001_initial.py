"""The team journal, moved from reflections: state only, on the tables reflections created (0002_team_journal).

The database is left as it is: tables, indexes and constraints keep their reflections_* names.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("reflections", "0004_move_team_journal_to_teamjournal"),
        ("teams", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="PracticeSession",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("title", models.CharField(max_length=200, verbose_name="thème")),
                        ("description_html", models.TextField(blank=True, verbose_name="présentation")),
                        ("date", models.DateField(verbose_name="date de la séance")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("closed_at", models.DateTimeField(blank=True, null=True, verbose_name="close le")),
                        (
                            "closed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "opened_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "team",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="practice_sessions",
                                to="teams.team",
                                verbose_name="équipe",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "séance d'analyse de pratiques",
                        "verbose_name_plural": "séances d'analyse de pratiques",
                        "db_table": "reflections_practicesession",
                        "ordering": ["-date", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Contribution",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("body_html", models.TextField(blank=True, verbose_name="texte")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("hidden_at", models.DateTimeField(blank=True, null=True, verbose_name="masquée le")),
                        ("removed_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "author",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="practice_contributions",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="auteur·rice",
                            ),
                        ),
                        (
                            "hidden_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="replies",
                                to="teamjournal.contribution",
                            ),
                        ),
                        (
                            "session",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="contributions",
                                to="teamjournal.practicesession",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "contribution",
                        "verbose_name_plural": "contributions",
                        "db_table": "reflections_contribution",
                        "ordering": ["created_at", "pk"],
                    },
                ),
                migrations.AddIndex(
                    model_name="practicesession",
                    index=models.Index(fields=["team", "-date"], name="reflections_team_id_00d741_idx"),
                ),
                migrations.AddIndex(
                    model_name="contribution",
                    index=models.Index(
                        fields=["session", "parent", "created_at"], name="reflections_session_135ec3_idx"
                    ),
                ),
            ],
        ),
    ]
