"""The teams sections of "Mon espace": assigned courses with due dates, and certificates."""

from django.utils import timezone

from progress import reports

from ..certificates import certificates_of
from ..models import AssignedLearner


def assignments_context(request):
    user = request.user
    today = timezone.localdate()
    rows = list(
        AssignedLearner.objects.filter(user=user)
        .select_related("assignment__course", "assignment__team")
        .order_by("assignment__due_date")
    )
    course_ids = [r.assignment.course_id for r in rows]
    grid = reports.enrolment_grid([user.pk], course_ids)
    items, seen = [], set()
    for row in rows:
        assignment = row.assignment
        if assignment.course_id in seen:
            continue
        seen.add(assignment.course_id)
        completed_at = (grid.get((user.pk, assignment.course_id)) or {}).get("completed_at")
        items.append(
            {
                "course": assignment.course,
                "team": assignment.team,
                "due_date": assignment.due_date,
                "completed_at": completed_at,
                "overdue": not completed_at and assignment.due_date < today,
                "days_left": (assignment.due_date - today).days,
            }
        )
    return {"items": items}


def certificates_context(request):
    user = request.user
    certificates = list(certificates_of(user).select_related(None))
    have = {c.course_id for c in certificates}
    completed = reports.completed_course_ids(user.pk)
    from courses.models import CoursePage

    missing = CoursePage.objects.filter(pk__in=[pk for pk in completed if pk not in have]).order_by("title")
    return {"certificates": certificates, "to_issue": list(missing)}
