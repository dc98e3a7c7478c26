from .models import ActivityResult, Enrolment, ProgressEvent, TimeSpent


def export_progress(user):
    return {
        "enrolments": list(
            Enrolment.objects.filter(user=user).values(
                "course_id", "course__title", "source", "enrolled_at", "completed_at"
            )
        ),
        "results": list(
            ActivityResult.objects.filter(user=user).values(
                "activity_key", "status", "score", "attempts", "duration_seconds", "started_at", "completed_at"
            )
        ),
        "events": list(ProgressEvent.objects.filter(user=user).values("activity_key", "status", "score", "created_at")),
        "time_spent": list(TimeSpent.objects.filter(user=user).values("page_id", "day", "seconds")),
    }
