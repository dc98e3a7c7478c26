"""Completion rules, in one place.

- A lesson is completed only when every required activity it contains is completed: automatically when the last
  one is, or by the learner's "J'ai terminé cette leçon" for a lesson whose required activities are done (or that
  has none). The button cannot complete a lesson whose required case, quiz or activity is not done.
- A course is completed when all its live lessons are completed.
The first completion of a lesson or a course is also an xAPI "completed" statement (courses/xapi.py).
Activities report to progress; this module listens to progress.signals.activity_recorded.
"""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from core.activities import activities_in_stream, described_activities
from progress import api as progress
from progress.models import LessonActivity, Status
from progress.signals import activity_recorded

from . import xapi
from .durations import refresh_course_duration
from .models import CoursePage, LessonPage


def refresh_lesson_activities(lesson):
    """Rebuild the index of activities of a (published) lesson from its body."""
    found = activities_in_stream(lesson.body)
    with transaction.atomic():
        LessonActivity.objects.filter(lesson=lesson).exclude(activity_key__in=[k for k, _ in found]).delete()
        for order, (key, required) in enumerate(found):
            LessonActivity.objects.update_or_create(
                lesson=lesson, activity_key=key, defaults={"required": required, "sort_order": order}
            )


@receiver(page_published)
def index_activities_on_publish(sender, instance, **kwargs):
    specific = instance.specific
    if isinstance(specific, LessonPage):
        refresh_lesson_activities(specific)


@receiver(page_published)
@receiver(page_unpublished)
def refresh_course_duration_on_lesson_change(sender, instance, **kwargs):
    """A course lasts the sum of its live lessons: recount when one is published or withdrawn."""
    if isinstance(instance.specific, LessonPage):
        course = instance.get_parent()
        if course is not None and isinstance(course.specific, CoursePage):
            refresh_course_duration(course)


def lesson_is_complete(user, lesson):
    return lesson.activity_key in progress.completed_keys(user, [lesson.activity_key])


def required_activities_done(user, lesson):
    keys = list(LessonActivity.objects.filter(lesson=lesson, required=True).values_list("activity_key", flat=True))
    return set(keys) <= progress.completed_keys(user, keys)


class LessonNotFinished(Exception):
    def __init__(self, missing):
        super().__init__(", ".join(missing))
        self.missing = missing


def missing_required_activities(user, lesson):
    """What the learner must still do to finish the lesson: the titles of its uncompleted required activities,
    in the lesson's order (from its published body, the same content the LessonActivity index is built from)."""
    required = [(key, title) for key, is_required, title in described_activities(lesson.body) if is_required]
    if not required:
        return []
    done = progress.completed_keys(user, [key for key, _title in required])
    return [title for key, title in required if key not in done]


def complete_lesson(user, lesson):
    """Mark a lesson completed for the learner (idempotent) and cascade to the course. Raises LessonNotFinished
    when a required activity is not completed yet: whatever a form says, the rule holds here."""
    missing = missing_required_activities(user, lesson)
    if missing:
        raise LessonNotFinished(missing)
    progress.record_activity(user, lesson.activity_key, Status.COMPLETED)


def course_lessons(course):
    return LessonPage.objects.child_of(course).live().order_by("path")


def course_is_complete(user, course):
    """The rule certificates rely on: the course itself was recorded completed (all its live lessons were)."""
    return course.activity_key in progress.completed_keys(user, [course.activity_key])


def check_course_completion(user, course):
    lesson_keys = [f"lesson:{pk}" for pk in course_lessons(course).values_list("pk", flat=True)]
    if lesson_keys and set(lesson_keys) <= progress.completed_keys(user, lesson_keys):
        progress.record_activity(user, course.activity_key, Status.COMPLETED)
        progress.touch_enrolment(user, course.pk, completed=True)


@receiver(activity_recorded)
def cascade_completion(sender, result, previous_status, **kwargs):
    user, key = result.user, result.activity_key
    newly_completed = result.is_completed and previous_status != Status.COMPLETED
    if key.startswith("course:"):
        course = CoursePage.objects.filter(pk=key.split(":", 1)[1]).first() if newly_completed else None
        if course:
            xapi.course_completed(user, course)
        return
    if key.startswith("lesson:"):
        if newly_completed:
            lesson = LessonPage.objects.filter(pk=key.split(":", 1)[1]).first()
            if lesson:
                course = lesson.get_parent().specific
                xapi.lesson_completed(user, lesson, course if isinstance(course, CoursePage) else None)
                progress.touch_enrolment(user, course.pk)
                check_course_completion(user, course)
        return
    if not result.is_completed:
        return
    # Any other activity: the lessons that require it may now be complete.
    for lesson in LessonPage.objects.filter(activities__activity_key=key, activities__required=True).distinct():
        if required_activities_done(user, lesson):
            complete_lesson(user, lesson)
