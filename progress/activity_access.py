"""Who may open an activity embedded in lessons, whatever its kind (H5P, SCORM…).

An activity is reachable through the live lessons whose body holds it (the LessonActivity index the courses
app keeps): a learner may open it when one of those lessons is visible to them (Wagtail page privacy), and
their answers count when they are enrolled in a course holding such a lesson.
"""

from wagtail.models import Page

from .models import Enrolment, LessonActivity


def lessons_using(activity_key):
    """The live lessons whose body holds this activity."""
    lesson_ids = LessonActivity.objects.filter(activity_key=activity_key).values("lesson_id")
    return Page.objects.live().filter(pk__in=lesson_ids)


def page_visible(request, page):
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def in_a_visible_lesson(request, activity_key):
    return any(page_visible(request, page) for page in lessons_using(activity_key))


def counts_for_progress(user, activity_key):
    """Whether the user's answers count: enrolled in a course holding a live lesson that uses the activity."""
    course_paths = [lesson.path[: -Page.steplen] for lesson in lessons_using(activity_key).only("path")]
    return bool(course_paths) and Enrolment.objects.filter(user=user, course__path__in=course_paths).exists()
