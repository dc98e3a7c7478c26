"""Team-level figures for the dashboard's charts and their data tables (fixed number of queries).

Charts are plain server-side SVG bars (see templates/teams/includes/bar_chart.html); every chart has a
table with the same numbers right under it.
"""

from datetime import timedelta

from django.db.models import Count, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import CompetenceDomain
from courses.models import CoursePage
from progress import reports

from . import scope
from .models import AssignedLearner, Assignment

WEEKS = 12
# A domain is "thin" when fewer than a third of the team completed a course in it.
THIN_SHARE = 1 / 3


def _member_ids(team):
    return scope.members(team).values("pk")


def _assigned_course_ids(team):
    return list(Assignment.objects.filter(team=team).values_list("course_id", flat=True).distinct())


def team_overview(team, today=None):
    today = today or timezone.localdate()
    done = reports.enrolment_exists(OuterRef("user_id"), OuterRef("assignment__course_id"), completed=True)
    assigned = AssignedLearner.objects.filter(assignment__team=team, user__in=_member_ids(team))
    return {
        "members": scope.members(team).count(),
        "assigned": assigned.count(),
        "completed": assigned.filter(done).count(),
        "overdue": assigned.exclude(done).filter(assignment__due_date__lt=today).count(),
    }


def completions_since(team, since):
    return sum(n for _week, n in reports.completions_by_week(_member_ids(team), _assigned_course_ids(team), since))


def bars(items, maximum=None):
    """[(label, value, display)] → rows with a width in percent, for the SVG template."""
    maximum = maximum or max((value for _l, value, _d in items), default=0) or 1
    return [
        {"label": label, "value": value, "display": display, "width": round(100 * value / maximum, 1)}
        for label, value, display in items
    ]


def completion_per_course(team, courses=None):
    courses = courses if courses is not None else list(CoursePage.objects.filter(pk__in=_assigned_course_ids(team)))
    course_ids = [c.pk for c in courses]
    members = _member_ids(team)
    assigned = dict(_assigned_counts(team, course_ids, members))
    completed = reports.completions_by_course(members, course_ids)
    rows = []
    for course in sorted(courses, key=lambda c: c.title):
        total = assigned.get(course.pk, 0)
        done = completed.get(course.pk, 0)
        share = round(100 * done / total) if total else 0
        rows.append({"course": course, "assigned": total, "completed": done, "percent": share})
    return rows, bars([(r["course"].title, r["percent"], f"{r['percent']} %") for r in rows], maximum=100)


def _assigned_counts(team, course_ids, members):
    rows = (
        AssignedLearner.objects.filter(assignment__team=team, assignment__course_id__in=course_ids, user__in=members)
        .values("assignment__course_id")
        .annotate(n=Count("user_id", distinct=True))
        .values_list("assignment__course_id", "n")
    )
    return rows


def completion_over_time(team, today=None):
    """Completions per week over the last twelve weeks, with the running total."""
    today = today or timezone.localdate()
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=WEEKS - 1)
    since = timezone.make_aware(timezone.datetime.combine(first_monday, timezone.datetime.min.time()))
    counts = dict(reports.completions_by_week(_member_ids(team), _assigned_course_ids(team), since))
    rows, running = [], 0
    for i in range(WEEKS):
        monday = first_monday + timedelta(weeks=i)
        n = counts.get(monday, 0)
        running += n
        rows.append({"week": monday, "completed": n, "total": running})
    label = _("Semaine du %s")
    return rows, bars([(label % r["week"].strftime("%d/%m"), r["completed"], str(r["completed"])) for r in rows])


def competence_map(team):
    """Share of the team that completed at least one course in each competence domain (DC1–DC4)."""
    members = _member_ids(team)
    total = scope.members(team).count()
    courses_by_domain = {}
    through = CoursePage.domains.through.objects.values_list("competencedomain_id", "coursepage_id")
    for domain_id, course_id in through:
        courses_by_domain.setdefault(domain_id, []).append(course_id)
    rows = []
    for domain in CompetenceDomain.objects.order_by("code"):
        course_ids = courses_by_domain.get(domain.pk, [])
        learners = reports.learners_who_completed_any(members, course_ids) if course_ids else 0
        share = round(100 * learners / total) if total else 0
        thin = total > 0 and learners / total < THIN_SHARE
        rows.append({"domain": domain, "learners": learners, "percent": share, "thin": thin})
    chart = bars([(r["domain"].code, r["percent"], f"{r['percent']} %") for r in rows], maximum=100)
    for bar, row in zip(chart, rows, strict=True):
        bar["thin"] = row["thin"]
    return rows, chart
