"""The teams sections of "Mon espace": assigned courses with due dates, and certificates."""

from django.db.models import Min
from django.utils import timezone

from courses.models import CoursePage
from progress import reports

from ..certificates import certificates_of
from ..models import AssignedLearner

# What a course link needs (title, and the tree fields Wagtail builds its address from).
COURSE_FIELDS = ("title", "url_path", "path", "depth", "locale_id", "live")


def assignments_context(request):
    """The courses the learner's teams asked for, each once with its nearest due date."""
    user = request.user
    today = timezone.localdate()
    # One row per course, however many teams assigned it: a learner in several teams may have dozens of rows.
    due_dates = dict(
        AssignedLearner.objects.filter(user=user)
        .values("assignment__course_id")
        .annotate(due=Min("assignment__due_date"))
        .values_list("assignment__course_id", "due")
    )
    courses = CoursePage.objects.only(*COURSE_FIELDS).in_bulk(list(due_dates))
    grid = reports.enrolment_grid([user.pk], list(due_dates))
    items = []
    for course_id, due_date in sorted(due_dates.items(), key=lambda item: (item[1], item[0])):
        if course_id not in courses:
            continue
        completed_at = (grid.get((user.pk, course_id)) or {}).get("completed_at")
        items.append(
            {
                "course": courses[course_id],
                "due_date": due_date,
                "completed_at": completed_at,
                "overdue": not completed_at and due_date < today,
                "days_left": (due_date - today).days,
            }
        )
    return {"items": items}


def certificates_context(request):
    user = request.user
    certificates = list(certificates_of(user).select_related(None))
    have = {c.course_id for c in certificates}
    completed = reports.completed_course_ids(user.pk)
    missing = CoursePage.objects.filter(pk__in=[pk for pk in completed if pk not in have]).order_by("title")
    return {"certificates": certificates, "to_issue": list(missing)}
