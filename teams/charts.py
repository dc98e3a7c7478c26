"""Team-level figures for the dashboard's charts and their data tables (fixed number of queries).

Charts are plain server-side SVG bars (see templates/teams/includes/bar_chart.html); every chart has a
table with the same numbers right under it.
"""

import hashlib
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, Exists, F, FilteredRelation, OuterRef, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import competences
from core.cache_versions import team_versions, version
from core.invalidation import team_changed
from core.models import CompetenceDomain
from courses.models import CoursePage
from progress import reports

from . import scope
from .models import AssignedLearner, Assignment, Membership

WEEKS = 12
# A domain is "thin" when fewer than a third of the team completed a course in it.
THIN_SHARE = 1 / 3


def _member_ids(team):
    return scope.members(team).values("pk")


def _assigned_course_ids(team):
    return list(Assignment.objects.filter(team=team).values_list("course_id", flat=True).distinct())


def assignment_figures(team, today=None):
    """{course_id: {"rows", "users", "completed", "overdue"}} over the team's assigned learners, in one query.

    rows: assignments of members to the course; users: distinct members assigned; completed: rows whose
    learner finished the course; overdue: unfinished rows past their due date. The database aggregates, so the
    cost does not depend on Python looping over rows.
    """
    today = today or timezone.localdate()
    # "Finished?" is a join on the learner's completed enrolment for the assigned course: PostgreSQL hashes the
    # team's completed enrolments once instead of probing the index for each of the 30,000 rows.
    finished = FilteredRelation(
        "user__enrolments",
        condition=Q(
            user__enrolments__course_id=F("assignment__course_id"), user__enrolments__completed_at__isnull=False
        ),
    )
    rows = (
        AssignedLearner.objects.filter(assignment__team=team)
        .filter(Exists(Membership.objects.filter(team=team, role=Membership.Role.MEMBER, user_id=OuterRef("user_id"))))
        .annotate(finished=finished)
        .values("assignment__course_id")
        .annotate(
            rows=Count("pk"),
            users=Count("user_id", distinct=True),
            completed=Count("finished__id"),
            overdue=Count("pk", filter=Q(finished__id__isnull=True, assignment__due_date__lt=today)),
        )
        .order_by()
    )
    return {row["assignment__course_id"]: row for row in rows}


def team_overview(team, today=None, figures=None, members=None):
    figures = assignment_figures(team, today) if figures is None else figures
    return {
        "members": scope.members(team).count() if members is None else members,
        "assigned": sum(f["rows"] for f in figures.values()),
        "completed": sum(f["completed"] for f in figures.values()),
        "overdue": sum(f["overdue"] for f in figures.values()),
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


def completion_per_course(team, courses=None, figures=None):
    courses = courses if courses is not None else list(CoursePage.objects.filter(pk__in=_assigned_course_ids(team)))
    course_ids = [c.pk for c in courses]
    figures = assignment_figures(team) if figures is None else figures
    completed = reports.completions_by_course(_member_ids(team), course_ids)
    rows = []
    for course in sorted(courses, key=lambda c: c.title):
        total = figures.get(course.pk, {}).get("users", 0)
        done = completed.get(course.pk, 0)
        share = round(100 * done / total) if total else 0
        rows.append({"course": course, "assigned": total, "completed": done, "percent": share})
    return rows, bars([(r["course"].title, r["percent"], f"{r['percent']} %") for r in rows], maximum=100)


def completion_over_time(team, today=None, course_ids=None):
    """Completions per week over the last twelve weeks, with the running total."""
    today = today or timezone.localdate()
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=WEEKS - 1)
    since = timezone.make_aware(timezone.datetime.combine(first_monday, timezone.datetime.min.time()))
    course_ids = _assigned_course_ids(team) if course_ids is None else course_ids
    counts = dict(reports.completions_by_week(_member_ids(team), course_ids, since))
    rows, running = [], 0
    for i in range(WEEKS):
        monday = first_monday + timedelta(weeks=i)
        n = counts.get(monday, 0)
        running += n
        rows.append({"week": monday, "completed": n, "total": running})
    label = _("Semaine du %s")
    return rows, bars([(label % r["week"].strftime("%d/%m"), r["completed"], str(r["completed"])) for r in rows])


def competence_map(team, members=None, framework=None):
    """Share of the team that completed at least one course in each competence domain (DC1–DC4), each domain
    titled as in `framework` (the reader's diploma, else the team's: accounts.diplomas)."""
    titles = competences.labels_for(framework)
    total = scope.members(team).count() if members is None else members
    learners_by_domain = reports.learners_who_completed_by(_member_ids(team), "coursepage__domains")
    rows = []
    for domain in CompetenceDomain.objects.order_by("code"):
        learners = learners_by_domain.get(domain.pk, 0)
        share = round(100 * learners / total) if total else 0
        thin = total > 0 and learners / total < THIN_SHARE
        rows.append(
            {
                "domain": domain,
                "label": f"{domain.code} · {titles[domain.pk]}",
                "learners": learners,
                "percent": share,
                "thin": thin,
            }
        )
    chart = bars([(r["domain"].code, r["percent"], f"{r['percent']} %") for r in rows], maximum=100)
    for bar, row in zip(chart, rows, strict=True):
        bar["thin"] = row["thin"]
    return rows, chart


# --- The dashboard's team-wide figures, cached.

FIGURES_TIMEOUT = 6 * 3600
FIGURES = "figures"  # the team token of these figures (core.invalidation: teams/signals.py declares what drops it)


def invalidate_figures(team_ids):
    for team_id in set(team_ids):
        team_changed(team_id, FIGURES)


def _without_objects(rows, key, **values):
    """Rows with their model instance replaced by a few values: what the cache stores is small and is read back
    without the database."""
    return [
        {**{k: v for k, v in row.items() if k != key}, **{n: f(row[key]) for n, f in values.items()}} for row in rows
    ]


def team_figures(team, courses, members, framework=None):
    """Overview, per-course completion, completions over time and competence map of a team, for the dashboard.

    Over a team of 1,000 people these aggregates read tens of thousands of rows, and they do not change when
    the manager pages through the matrix or filters it: they are cached until the team's data changes
    (completions, members, assignments: see signals.py), the day changes (overdue, weeks), or one of the
    courses is published again (titles). `courses`: the team's assigned courses, already loaded by the view.
    """
    today = timezone.localdate()
    published = ",".join(f"{c.pk}@{c.last_published_at and c.last_published_at.timestamp()}" for c in courses)
    key = "team-figures:{}:{}:{}:{}:{}:{}:{}".format(
        team.pk,
        team_versions([team.pk], FIGURES)[team.pk],
        version("competence-domains"),
        framework.pk if framework else "-",
        today.isoformat(),
        get_language(),
        hashlib.sha1(published.encode(), usedforsecurity=False).hexdigest(),
    )
    cached = cache.get(key)
    if cached is not None:
        return cached
    figures = assignment_figures(team, today)
    per_course, per_course_bars = completion_per_course(team, courses, figures=figures)
    over_time, over_time_bars = completion_over_time(team, today, course_ids=[c.pk for c in courses])
    competence, competence_bars = competence_map(team, members=members, framework=framework)
    result = {
        "overview": team_overview(team, figures=figures, members=members),
        "per_course": _without_objects(per_course, "course", label=lambda course: course.title),
        "per_course_bars": per_course_bars,
        "over_time": over_time,
        "over_time_bars": over_time_bars,
        "competence": _without_objects(competence, "domain", code=lambda domain: domain.code),
        "competence_bars": competence_bars,
        "competence_framework": str(framework) if framework else "",
    }
    cache.set(key, result, FIGURES_TIMEOUT)
    return result
