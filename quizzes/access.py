"""Who may take which quiz, and whose results a trainer reads (rule in core/scope.py): one place, used by every
view."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.permissions import is_trainer
from core import scope
from progress.models import LessonActivity

from . import reports
from .models import Attempt, Quiz


def quizzes_available_to(user):
    """Quizzes published on a live quiz page or in a live lesson; trainers may try any quiz."""
    if not user.is_authenticated:
        return Quiz.objects.none()
    if is_trainer(user):
        return Quiz.objects.all()
    keys = LessonActivity.objects.filter(lesson__live=True, activity_key__startswith="quiz:").values_list(
        "activity_key", flat=True
    )
    ids = [int(key.split(":", 1)[1]) for key in keys if key.split(":", 1)[1].isdigit()]
    return Quiz.objects.filter(Q(pages__live=True) | Q(pk__in=ids)).distinct()


def taught_quiz_ids(user):
    """The quizzes in the lessons of the courses this trainer is a course trainer of (cached for the request)."""
    return scope.activity_ids(scope.course_activity_keys(user), "quiz")


def results_scope(user, quiz):
    """Whose submitted attempts this trainer reads in the quiz's results; Http404 when the results are not theirs."""
    seen = scope.scope_for(user, quiz.activity_key)
    if not seen.everyone and not seen.restrict(Attempt.objects.submitted().filter(quiz=quiz)).exists():
        raise Http404
    return seen


def quiz_or_404(user, quiz_id):
    """The quiz and whose results this trainer reads in it."""
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    return quiz, results_scope(user, quiz)


def quizzes_with_results_for(user):
    """The quizzes whose results this trainer may open, with the submitted attempts they see counted, in one query:
    every quiz for lead trainers and administrators; otherwise the quizzes of their courses (everyone's attempts) and
    those their teams' learners took (those learners' attempts only)."""
    if scope.sees_everyone(user):
        return reports.quizzes_with_stats()
    taught = list(taught_quiz_ids(user))
    quizzes = reports.quizzes_with_stats(Q(pk__in=taught) | Q(attempts__user__in=scope.trained_learners(user)))
    return quizzes.filter(Q(pk__in=taught) | Q(attempt_count__gt=0))
