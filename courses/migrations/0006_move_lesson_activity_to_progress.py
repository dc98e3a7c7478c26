"""LessonActivity moves to the progress app: removed from courses' state only, its table stays (see progress 0003)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_h5p_and_quiz_blocks"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="LessonActivity")],
            database_operations=[],
        ),
    ]
