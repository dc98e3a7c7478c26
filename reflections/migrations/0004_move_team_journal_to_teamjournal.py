"""The team journal moves to the teamjournal app: removed from reflections' state only, its tables stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reflections", "0003_entry_client_id"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name="practicesession",
                    name="closed_by",
                ),
                migrations.RemoveField(
                    model_name="practicesession",
                    name="opened_by",
                ),
                migrations.RemoveField(
                    model_name="practicesession",
                    name="team",
                ),
                migrations.DeleteModel(
                    name="Contribution",
                ),
                migrations.DeleteModel(
                    name="PracticeSession",
                ),
            ],
        ),
    ]
