"""LessonActivity arrives from courses: added to progress' state only, on its existing table courses_lessonactivity.

The database keeps the table, its rows, index and unique constraint as courses created them; only Django's view of
the lesson foreign key widens to wagtailcore.Page so progress need not import courses.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0002_enrolment_completed_index"),
        ("courses", "0006_move_lesson_activity_to_progress"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="LessonActivity",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("activity_key", models.CharField(db_index=True, max_length=120)),
                        ("required", models.BooleanField(default=True)),
                        ("sort_order", models.PositiveIntegerField(default=0)),
                        (
                            "lesson",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="activities",
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "courses_lessonactivity",
                        "ordering": ["sort_order"],
                        "constraints": [
                            models.UniqueConstraint(fields=("lesson", "activity_key"), name="unique_lesson_activity")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
