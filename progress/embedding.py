"""Where an activity is used: the published lessons that embed it, so a case or quiz leads back to its lesson."""

from wagtail.models import Page

from .models import Enrolment, LessonActivity

MAX_LESSONS = 3  # a way back, not an index of every use


def lessons_embedding(user, activity_key):
    """[(lesson, course)] of the public, live lessons holding the activity, the person's own courses first."""
    lesson_ids = LessonActivity.objects.filter(activity_key=activity_key, lesson__live=True).values("lesson_id")
    lessons = list(Page.objects.live().public().filter(pk__in=lesson_ids).order_by("path")[:20])
    if not lessons:
        return []
    courses = {course.path: course for course in Page.objects.filter(path__in={parent_path(p) for p in lessons})}
    enrolled = set(
        Enrolment.objects.filter(user=user, course__in=courses.values()).values_list("course_id", flat=True)
        if user.is_authenticated
        else ()
    )
    pairs = [(lesson, courses.get(parent_path(lesson))) for lesson in lessons]
    pairs.sort(key=lambda pair: pair[1] is None or pair[1].pk not in enrolled)
    return pairs[:MAX_LESSONS]


def parent_path(page):
    return page.path[: -Page.steplen]
