"""Who may take which quiz, and whose results a trainer reads (rule in core/scope.py): one place, used by every
view."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.permissions import is_trainer
from core import scope

from . import reports
from .models import Attempt, Quiz, QuizPage

# Log entries Wagtail writes when someone creates or edits a quiz in the admin: they name its authors.
AUTHORING_ACTIONS = ("wagtail.create", "wagtail.edit")


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


def authored_quiz_ids(user):
    """The quizzes this trainer wrote: created or edited in the admin (Wagtail's log), published on a quiz page
    they own or revised, or embedded in a lesson (or course) they authored. A few queries, cached for the request."""

    def compute():
        from wagtail.models import ModelLogEntry

        logged = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Quiz), user=user, action__in=AUTHORING_ACTIONS
        ).values_list("object_id", flat=True)
        ids = {int(pk) for pk in logged if pk.isdigit()}
        pages = scope.authored_pages(user)
        if pages:
            ids |= set(QuizPage.objects.filter(pk__in=list(pages)).values_list("quiz_id", flat=True))
        keys = scope.authored_activity_keys(user)
        ids |= {int(key[5:]) for key in keys if key.startswith("quiz:") and key[5:].isdigit()}
        return frozenset(ids)

    return scope.cached_on(user, "_collectif_authored_quizzes", compute)


def results_scope(user, quiz):
    """Whose submitted attempts this trainer reads in the quiz's results; Http404 when the results are not theirs."""
    seen = scope.scope_for(user, quiz.pk in authored_quiz_ids(user))
    if not seen.everyone and not seen.restrict(Attempt.objects.submitted().filter(quiz=quiz)).exists():
        raise Http404
    return seen


def quiz_or_404(user, quiz_id):
    """The quiz and whose results this trainer reads in it."""
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    return quiz, results_scope(user, quiz)


def quizzes_with_results_for(user):
    """The quizzes whose results this trainer may open, with the submitted attempts they see counted, in one query:
    every quiz for lead trainers and administrators; otherwise the quizzes they wrote (everyone's attempts) and
    those their teams' learners took (those learners' attempts only)."""
    if scope.sees_everyone(user):
        return reports.quizzes_with_stats()
    authored = list(authored_quiz_ids(user))
    quizzes = reports.quizzes_with_stats(Q(pk__in=authored) | Q(attempts__user__in=scope.trained_learners(user)))
    return quizzes.filter(Q(pk__in=authored) | Q(attempt_count__gt=0))
