"""The learner's courses: a short view on "Mon espace" and the full list on its own page."""

from django.core.paginator import Paginator
from django.db.models import F

from progress.models import Enrolment

from .models import CoursePage
from .progression import progress_for_courses

# "Mon espace" shows where to pick up, not everything: the full list is one link away.
MYSPACE_IN_PROGRESS = 6
MYSPACE_COMPLETED = 5
PER_PAGE = 20


def _enrolments(user):
    return Enrolment.objects.filter(user=user, course__live=True)


def _in_progress(user):
    return (
        _enrolments(user)
        .filter(completed_at__isnull=True)
        .order_by(F("last_activity_at").desc(nulls_last=True), "-enrolled_at", "pk")
    )


def _completed(user):
    return _enrolments(user).filter(completed_at__isnull=False).order_by("-completed_at", "pk")


def _with_courses(request, enrolments, progress=True):
    """[(enrolment, course, progress or None)] for the given enrolments, in their order, in a few queries."""
    courses = CoursePage.objects.live().in_bulk([e.course_id for e in enrolments])
    summaries = (
        progress_for_courses(request.user, list(courses.values()), enrolments=enrolments, request=request)
        if progress
        else {}
    )
    return [(e, courses[e.course_id], summaries.get(e.course_id)) for e in enrolments if e.course_id in courses]


def _recent_first(enrolment):
    """In progress: the latest activity first, enrolments never worked on last (newest enrolment first)."""
    last = enrolment.last_activity_at
    return (last is None, -last.timestamp() if last else 0, -enrolment.enrolled_at.timestamp(), enrolment.pk)


def my_courses_context(request):
    # One query for all the learner's enrolments (small rows): counts, order and the few shown come from it.
    enrolments = list(_enrolments(request.user))
    in_progress = sorted((e for e in enrolments if e.completed_at is None), key=_recent_first)
    completed = sorted((e for e in enrolments if e.completed_at), key=lambda e: (-e.completed_at.timestamp(), e.pk))
    shown = in_progress[:MYSPACE_IN_PROGRESS] + completed[:MYSPACE_COMPLETED]
    courses = CoursePage.objects.live().in_bulk([e.course_id for e in shown])
    shown = [e for e in shown if e.course_id in courses]
    working = [e for e in shown if e.completed_at is None]
    summaries = progress_for_courses(
        request.user, [courses[e.course_id] for e in working], enrolments=working, request=request
    )
    return {
        "in_progress": [(e, courses[e.course_id], summaries[e.course_id]) for e in working],
        "completed": [(e, courses[e.course_id], None) for e in shown if e.completed_at],
        "total": len(enrolments),
        "has_more": len(in_progress) > MYSPACE_IN_PROGRESS or len(completed) > MYSPACE_COMPLETED,
    }


FILTERS = {"en-cours": _in_progress, "terminees": _completed}


def all_courses_context(request):
    """Every course of the learner, a page at a time: in progress (default) or completed."""
    state = request.GET.get("etat") if request.GET.get("etat") in FILTERS else "en-cours"
    page = Paginator(FILTERS[state](request.user), PER_PAGE).get_page(request.GET.get("page"))
    return {
        "state": state,
        "page_obj": page,
        "items": _with_courses(request, list(page.object_list)),
        "in_progress_count": _in_progress(request.user).count(),
        "completed_count": _completed(request.user).count(),
    }
