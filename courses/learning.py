"""Who may open a course or a lesson, enforced on the server when Wagtail serves the page.

- A course whose prerequisites are unfinished is locked: its page explains why (status 403) and links to them.
- A lesson needs a logged-in, enrolled learner; in linear mode the previous lessons must be done first.
- Trainers and administrators read everything without enrolling (they author and review the content),
  and previews in the Wagtail admin are never locked.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_trainer
from progress import api as progress
from progress.models import Status

from .completion import missing_required_activities
from .progression import LessonStatus, course_progress


@dataclass
class Refusal:
    """Why a page is refused, in words a learner understands, with the way forward."""

    title: str
    message: str
    links: list = field(default_factory=list)  # [(label, url)]
    enrol_course: object = None


def reads_everything(user):
    return is_trainer(user)


def progress_for(request, course):
    """The learner's progress in a course, computed once per request."""
    cache = request.__dict__.setdefault("_course_progress", {})
    if course.pk not in cache:
        cache[course.pk] = course_progress(request.user, course, request)
    return cache[course.pk]


def prerequisite_refusal(course_progress_):
    links = [(p.title, p.url) for p in course_progress_.missing_prerequisites]
    return Refusal(
        title=_("Ce module est verrouillé"),
        message=_("Terminez d'abord les modules prérequis ci-dessous ; ce module s'ouvrira ensuite."),
        links=links,
    )


def course_refusal(request, course):
    if getattr(request, "is_preview", False) or not request.user.is_authenticated or reads_everything(request.user):
        return None
    state = progress_for(request, course)
    return prerequisite_refusal(state) if state.is_locked else None


def lesson_refusal(request, lesson, course):
    """None when the learner may open the lesson, otherwise the Refusal to show."""
    if getattr(request, "is_preview", False) or reads_everything(request.user):
        return None
    state = progress_for(request, course)
    if state.is_locked:
        return prerequisite_refusal(state)
    if not state.is_enrolled:
        return Refusal(
            title=_("Inscrivez-vous pour suivre cette leçon"),
            message=_(
                "Les leçons sont réservées aux personnes inscrites au module : votre progression y est enregistrée."
            ),
            links=[(course.title, course.url)],
            enrol_course=course,
        )
    lesson_state = state.state_of(lesson)
    if lesson_state and lesson_state.is_locked and lesson_state.blocked_by:
        blocker = lesson_state.blocked_by
        return Refusal(
            title=_("Cette leçon n'est pas encore ouverte"),
            message=_("Ce module se suit dans l'ordre : terminez d'abord la leçon « %(title)s ».")
            % {"title": blocker.title},
            links=[(blocker.title, blocker.url)],
        )
    return None


def render_refusal(request, page, refusal):
    context = page.get_context(request)
    context["refusal"] = refusal
    return TemplateResponse(request, "courses/refused.html", context, status=403)


def serve_course(request, course, serve):
    refusal = course_refusal(request, course)
    if refusal:
        return render_refusal(request, course, refusal)
    return serve()


def course_of(request, lesson):
    """The lesson's course, looked up once per request (serving and the template context both need it)."""
    cache = request.__dict__.setdefault("_lesson_course", {})
    if lesson.pk not in cache:
        cache[lesson.pk] = lesson.get_parent().specific  # no query when routing remembered the parent
    return cache[lesson.pk]


def serve_lesson(request, lesson, serve):
    if not request.user.is_authenticated and not getattr(request, "is_preview", False):
        return redirect_to_login(request.get_full_path())
    course = course_of(request, lesson)
    refusal = lesson_refusal(request, lesson, course)
    if refusal:
        return render_refusal(request, lesson, refusal)
    mark_started(request, course, lesson)
    return serve()


def mark_started(request, course, lesson):
    """The first visit of an enrolled learner marks the lesson started (a timestamped event)."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return
    state = progress_for(request, course)
    lesson_state = state.state_of(lesson)
    if state.is_enrolled and lesson_state and lesson_state.status == LessonStatus.NOT_STARTED:
        progress.record_activity(request.user, lesson.activity_key, Status.STARTED)
        lesson_state.status = LessonStatus.STARTED
    if state.is_enrolled and _activity_is_stale(state.enrolment):
        progress.touch_enrolment(request.user, course.pk)


# "Last activity" is shown by the day to managers: refreshing it on every page view would add a write per
# request for nothing; once every few minutes keeps it exact enough.
ACTIVITY_REFRESH = timedelta(minutes=5)


def _activity_is_stale(enrolment):
    last = getattr(enrolment, "last_activity_at", None)
    return last is None or timezone.now() - last >= ACTIVITY_REFRESH


def course_context(request, course):
    state = progress_for(request, course)
    return {"course_progress": state, "reads_everything": reads_everything(request.user)}


def missing_activities(request, state, lesson):
    """For an enrolled learner who has not finished the lesson: its required activities still to do."""
    lesson_state = state.state_of(lesson)
    if not state.is_enrolled or lesson_state is None or lesson_state.is_done:
        return []
    return missing_required_activities(request.user, lesson)


def lesson_context(request, lesson):
    course = course_of(request, lesson)
    state = progress_for(request, course)
    previous, following = state.neighbours(lesson)
    return {
        "course": course,
        "course_progress": state,
        "lesson_state": state.state_of(lesson),
        "missing_activities": missing_activities(request, state, lesson),
        "previous_state": previous,
        "next_state": following,
        "reads_everything": reads_everything(request.user),
    }
