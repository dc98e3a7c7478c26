"""Learner actions around course pages: enrol, resume, finish a lesson, heartbeats, own progress detail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.views import serve as wagtail_serve

from progress import api as progress
from progress.models import ProgressEvent

from . import completion
from .learning import lesson_refusal, prerequisite_refusal, progress_for, render_refusal
from .models import CourseIndexPage, CoursePage, LessonPage
from .myspace import all_courses_context


def catalogue(request):
    """Named entry point of the catalogue for the main navigation. Wagtail serves the page when it lives at this
    address (the usual case, with no extra lookup); otherwise this sends people to wherever it was moved."""
    try:
        return wagtail_serve(request, request.path.lstrip("/"))
    except Http404:
        page = CourseIndexPage.objects.live().order_by("path").first()
        url = page.get_url(request) if page else None
        if not url or url == request.path:
            raise
        return redirect(url)


@login_required
@require_POST
def enrol(request, course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    state = progress_for(request, course)
    if state.is_locked:
        return render_refusal(request, course, prerequisite_refusal(state))
    _enrolment, created = progress.enrol(request.user, course)
    if created:
        messages.success(request, _("Vous êtes inscrit·e au module « %(title)s ».") % {"title": course.title})
    return redirect(course.get_url(request))


@login_required
@require_GET
def resume(request, course_id):
    """Opens the first unfinished lesson (the course page when every lesson is done)."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    next_state = progress_for(request, course).next_state
    return redirect(next_state.lesson.url if next_state else course.get_url(request))


def _open_lesson(request, lesson_id):
    """The lesson and its course, or a refusal response, for actions on a lesson."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = lesson.get_parent().specific
    refusal = lesson_refusal(request, lesson, course)
    if refusal is None and not progress_for(request, course).is_enrolled:
        raise PermissionDenied  # trainers read lessons but have no progress to record
    return lesson, course, refusal


@login_required
@require_POST
def complete_lesson(request, lesson_id):
    lesson, course, refusal = _open_lesson(request, lesson_id)
    if refusal:
        return render_refusal(request, lesson, refusal)
    try:
        completion.complete_lesson(request.user, lesson)
    except completion.LessonNotFinished as unfinished:
        messages.error(
            request,
            _("Cette leçon n'est pas encore terminée : il reste %(activities)s.")
            % {"activities": ", ".join(unfinished.missing)},
        )
        return redirect(lesson.get_url(request) + "#fin-lecon")
    request.__dict__.pop("_course_progress", None)
    state = progress_for(request, course)
    if state.is_complete:
        messages.success(request, _("Bravo, vous avez terminé le module « %(title)s » !") % {"title": course.title})
        return redirect(course.get_url(request))
    messages.success(request, _("Leçon « %(title)s » terminée.") % {"title": lesson.title})
    _previous, following = state.neighbours(lesson)
    if following and not following.is_locked:
        return redirect(following.lesson.url)
    return redirect(course.get_url(request))


@login_required
@require_POST
def heartbeat(request, lesson_id):
    lesson, _course, refusal = _open_lesson(request, lesson_id)
    if refusal:
        raise PermissionDenied
    return JsonResponse({"counted_seconds": progress.record_heartbeat(request.user, lesson)})


@login_required
@require_GET
def enrolment_detail(request, enrolment_id):
    """A learner's own progress in one course; another person's enrolment is a 404."""
    enrolment = get_object_or_404(request.user.enrolments.all(), pk=enrolment_id)
    course = get_object_or_404(CoursePage, pk=enrolment.course_id)
    state = progress_for(request, course)
    lesson_ids = [s.lesson.pk for s in state.lessons]
    keys = [s.lesson.activity_key for s in state.lessons] + [course.activity_key]
    events = ProgressEvent.objects.filter(user=request.user, activity_key__in=keys).order_by("-created_at")[:50]
    titles = {s.lesson.activity_key: s.lesson.title for s in state.lessons} | {course.activity_key: course.title}
    time_spent = progress.time_spent_by_page(request.user, lesson_ids)
    return render(
        request,
        "courses/enrolment_detail.html",
        {
            "enrolment": enrolment,
            "course": course,
            "course_progress": state,
            "rows": [(s, time_spent.get(s.lesson.pk, 0)) for s in state.lessons],
            "total_seconds": sum(time_spent.values()),
            "events": [(event, titles.get(event.activity_key, event.activity_key)) for event in events],
        },
    )


@login_required
@require_GET
def my_courses(request):
    """All the learner's courses, beyond the few that "Mon espace" shows."""
    return render(request, "courses/my_courses.html", all_courses_context(request))
