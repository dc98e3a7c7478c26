"""Who may take which quiz: one place, used by every view."""

from django.apps import apps
from django.db.models import Q

from accounts.permissions import is_trainer

from .models import Quiz


def quizzes_available_to(user):
    """Quizzes published on a live quiz page or in a live lesson; trainers may try any quiz."""
    if not user.is_authenticated:
        return Quiz.objects.none()
    if is_trainer(user):
        return Quiz.objects.all()
    lesson_activity = apps.get_model("courses", "LessonActivity")
    keys = lesson_activity.objects.filter(lesson__live=True, activity_key__startswith="quiz:").values_list(
        "activity_key", flat=True
    )
    ids = [int(key.split(":", 1)[1]) for key in keys if key.split(":", 1)[1].isdigit()]
    return Quiz.objects.filter(Q(pages__live=True) | Q(pk__in=ids)).distinct()
