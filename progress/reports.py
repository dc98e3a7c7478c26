"""Read-only aggregates over many learners at once, for supervision screens and exports.

Every function takes a set (or queryset) of user ids and runs a fixed number of queries, whatever the
number of learners or courses: callers pass the activity keys they care about, so progress stays
unaware of what a course contains.
"""

from collections import defaultdict

from django.db.models import Count, Exists, Max, Subquery
from django.db.models.functions import TruncWeek

from .models import ActivityResult, Enrolment, Status


def enrolment_grid(user_ids, course_ids):
    """{(user_id, course_id): {"enrolled_at", "completed_at", "last_activity_at"}} in one query."""
    rows = Enrolment.objects.filter(user_id__in=user_ids, course_id__in=list(course_ids)).values(
        "user_id", "course_id", "enrolled_at", "completed_at", "last_activity_at"
    )
    return {(row["user_id"], row["course_id"]): row for row in rows}


def completed_counts(user_ids, keys_by_group):
    """{(user_id, group): number of completed keys} for groups of activity keys (e.g. lessons per course)."""
    group_of = {key: group for group, keys in keys_by_group.items() for key in keys}
    if not group_of:
        return {}
    counts = defaultdict(int)
    rows = ActivityResult.objects.filter(
        user_id__in=user_ids, activity_key__in=list(group_of), status=Status.COMPLETED
    ).values_list("user_id", "activity_key")
    for user_id, key in rows:
        counts[(user_id, group_of[key])] += 1
    return dict(counts)


def average_scores(user_ids, keys_by_group):
    """{(user_id, group): mean of the best scores (0..1) of the scored keys of the group}."""
    group_of = {key: group for group, keys in keys_by_group.items() for key in keys}
    if not group_of:
        return {}
    sums = defaultdict(lambda: [0.0, 0])
    rows = ActivityResult.objects.filter(
        user_id__in=user_ids, activity_key__in=list(group_of), score__isnull=False
    ).values_list("user_id", "activity_key", "score")
    for user_id, key, score in rows:
        total = sums[(user_id, group_of[key])]
        total[0] += score
        total[1] += 1
    return {pair: total / count for pair, (total, count) in sums.items()}


def completions_by_course(user_ids, course_ids):
    """{course_id: number of learners among user_ids who completed it}."""
    rows = (
        Enrolment.objects.filter(user_id__in=user_ids, course_id__in=list(course_ids), completed_at__isnull=False)
        .values("course_id")
        .annotate(n=Count("id"))
        .values_list("course_id", "n")
    )
    return dict(rows)


def completions_by_week(user_ids, course_ids, since=None):
    """[(monday date, number of course completions that week)] in chronological order."""
    qs = Enrolment.objects.filter(user_id__in=user_ids, course_id__in=list(course_ids), completed_at__isnull=False)
    if since is not None:
        qs = qs.filter(completed_at__gte=since)
    rows = qs.annotate(week=TruncWeek("completed_at")).values("week").annotate(n=Count("id")).order_by("week")
    return [(row["week"].date() if hasattr(row["week"], "date") else row["week"], row["n"]) for row in rows]


def learners_who_completed_any(user_ids, course_ids):
    """How many distinct learners among user_ids completed at least one of the courses."""
    return (
        Enrolment.objects.filter(user_id__in=user_ids, course_id__in=list(course_ids), completed_at__isnull=False)
        .values("user_id")
        .distinct()
        .count()
    )


def learners_who_completed_by(user_ids, course_field):
    """{value: distinct learners among user_ids who completed at least one course with that value}, one query.

    `course_field` is a lookup from the course page, given by the caller (e.g. its competence domains), so
    progress stays unaware of what a course is made of.
    """
    path = f"course__{course_field}"
    rows = (
        Enrolment.objects.filter(user_id__in=user_ids, completed_at__isnull=False, **{f"{path}__isnull": False})
        .values(path)
        .annotate(n=Count("user_id", distinct=True))
        .values_list(path, "n")
        .order_by()
    )
    return dict(rows)


def enrolment_exists(user_ref, course_ref, completed=None, active=None):
    """An Exists() expression over a learner's enrolment, for filtering lists of learners in the database.

    `completed=True` → finished; `active=True` → some activity was recorded (last_activity_at set).
    """
    qs = Enrolment.objects.filter(user_id=user_ref, course_id=course_ref)
    if completed is not None:
        qs = qs.filter(completed_at__isnull=not completed)
    if active is not None:
        qs = qs.filter(last_activity_at__isnull=not active)
    return Exists(qs)


def latest_enrolment_activity(user_ref, course_ids):
    """A subquery: the latest activity date of the learner over the given courses."""
    qs = (
        Enrolment.objects.filter(user_id=user_ref, course_id__in=course_ids)
        .values("user_id")
        .annotate(last=Max("last_activity_at"))
        .values("last")
    )
    return Subquery(qs[:1])


def has_completed(user_id, course_id):
    return Enrolment.objects.filter(user_id=user_id, course_id=course_id, completed_at__isnull=False).exists()


def completed_course_ids(user_id):
    return list(
        Enrolment.objects.filter(user_id=user_id, completed_at__isnull=False).values_list("course_id", flat=True)
    )
