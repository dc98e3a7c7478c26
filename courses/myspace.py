"""The « Mes formations » section of "Mon espace": courses in progress with their next step, completed ones."""

from progress.models import Enrolment

from .models import CourseIndexPage, CoursePage
from .progression import progress_for_courses


def my_courses_context(request):
    user = request.user
    enrolments = list(Enrolment.objects.filter(user=user).order_by("-last_activity_at", "-enrolled_at"))
    courses = CoursePage.objects.live().in_bulk([e.course_id for e in enrolments])
    summaries = progress_for_courses(user, list(courses.values()), enrolments=enrolments)
    in_progress, completed = [], []
    for enrolment in enrolments:
        course = courses.get(enrolment.course_id)
        if course is None:
            continue
        summary = summaries[course.pk]
        if enrolment.completed_at or summary.is_complete:
            completed.append((enrolment, course, summary))
        else:
            in_progress.append((enrolment, course, summary))
    return {
        "in_progress": in_progress,
        "completed": completed,
        "catalogue": CourseIndexPage.objects.live().order_by("path").first(),
    }
