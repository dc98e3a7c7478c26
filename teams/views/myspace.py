"""The teams sections of "Mon espace": invitations waiting for an answer, assigned courses with due dates,
and certificates."""

from django.db.models import Min
from django.utils import timezone

from courses.models import CoursePage
from progress import reports

from .. import invitations
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
    # Finished ones are counted, not listed: "Mes formations" lists them; this table is what is left to do.
    finished = set(reports.completed_course_ids(user.pk)) & set(due_dates)
    to_do = {course_id: due for course_id, due in due_dates.items() if course_id not in finished}
    courses = CoursePage.objects.only(*COURSE_FIELDS).in_bulk(list(to_do))
    items = [
        {
            "course": courses[course_id],
            "due_date": due_date,
            "overdue": due_date < today,
            "days_left": (due_date - today).days,
        }
        for course_id, due_date in sorted(to_do.items(), key=lambda item: (item[1], item[0]))
        if course_id in courses
    ]
    return {"items": items, "finished": len(finished)}


def certificates_context(request):
    user = request.user
    certificates = list(certificates_of(user).select_related(None))
    have = {c.course_id for c in certificates}
    completed = reports.completed_course_ids(user.pk)
    missing = CoursePage.objects.filter(pk__in=[pk for pk in completed if pk not in have]).order_by("title")
    return {"certificates": certificates, "to_issue": list(missing)}


def invitations_context(request):
    """Pending invitations for this person's addresses; they answer on the invitation page (a form with CSRF
    cannot live in this cached section)."""
    pending = invitations.pending_for(request.user)
    return {"items": [{"invitation": i, "url": invitations.invitation_path(i)} for i in pending]}
