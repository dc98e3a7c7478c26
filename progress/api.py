"""The small public interface every activity reports through, and the read helpers.

Apps call `record_activity(user, "case:12", Status.COMPLETED, score=0.8)`; progress never imports them.
Completion of lessons and courses is decided by the courses app, which listens to `activity_recorded`.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from core.cache_versions import learner_changed

from .models import ActivityResult, Enrolment, ProgressEvent, Status, TimeSpent
from .signals import activity_recorded

# A heartbeat further apart than this means the learner was away: the gap is not counted.
IDLE_CUTOFF = timedelta(seconds=90)
MAX_BEAT_SECONDS = 60


def activity_key(kind, identifier):
    return f"{kind}:{identifier}"


@transaction.atomic
def record_activity(user, key, status, score=None, duration=None):
    """Store a state change of an activity for a learner and return the current ActivityResult.

    A completed activity stays completed; the best score is kept; every call leaves a ProgressEvent.
    `score` is a fraction between 0 and 1; `duration` is in seconds.
    """
    status = Status(status)
    if score is not None:
        score = min(max(float(score), 0.0), 1.0)
    result = _locked_result(user, key)
    previous_status = result.status
    if status != Status.STARTED:
        result.attempts += 1
    if result.status != Status.COMPLETED:
        result.status = status
    if status == Status.COMPLETED and result.completed_at is None:
        result.completed_at = timezone.now()
    if score is not None and (result.score is None or score > result.score):
        result.score = score
    if duration:
        result.duration_seconds += int(duration)
    result.save()
    ProgressEvent.objects.create(
        user=user, activity_key=key, status=status, score=score, duration_seconds=int(duration or 0)
    )
    activity_recorded.send(sender=ActivityResult, result=result, previous_status=previous_status)
    return result


def _locked_result(user, key):
    """The result row for (user, key), created if missing, locked for the transaction."""
    try:
        with transaction.atomic():
            ActivityResult.objects.get_or_create(user=user, activity_key=key)
    except IntegrityError:  # a concurrent request created it first
        pass
    return ActivityResult.objects.select_for_update().get(user=user, activity_key=key)


def enrol(user, course, source=Enrolment.Source.SELF):
    """Enrol a learner in a course page; idempotent. Returns (enrolment, created)."""
    enrolment, created = Enrolment.objects.get_or_create(user=user, course=course, defaults={"source": source})
    return enrolment, created


def is_enrolled(user, course):
    return user.is_authenticated and Enrolment.objects.filter(user=user, course=course).exists()


def touch_enrolment(user, course_id, completed=False):
    now = timezone.now()
    updates = {"last_activity_at": now}
    if completed:
        Enrolment.objects.filter(user=user, course_id=course_id, completed_at__isnull=True).update(completed_at=now)
    Enrolment.objects.filter(user=user, course_id=course_id).update(**updates)
    learner_changed(user.pk, "progress")  # UPDATE sends no post_save: "Mon espace" orders courses by this date


@dataclass(frozen=True)
class ResultState:
    """The state of one activity for one learner, read as plain values (for lists over many activities)."""

    status: str
    completed_at: object

    @property
    def is_completed(self):
        return self.status == Status.COMPLETED


def states_for(user, keys):
    """{activity_key: ResultState} for the given keys, in one query and without building model objects."""
    if not user.is_authenticated:
        return {}
    rows = ActivityResult.objects.filter(user=user, activity_key__in=list(keys)).values_list(
        "activity_key", "status", "completed_at"
    )
    return {key: ResultState(status, completed_at) for key, status, completed_at in rows}


def results_for(user, keys):
    """{activity_key: ActivityResult} for the given keys, in one query."""
    if not user.is_authenticated:
        return {}
    return {r.activity_key: r for r in ActivityResult.objects.filter(user=user, activity_key__in=list(keys))}


def completed_keys(user, keys):
    return set(
        ActivityResult.objects.filter(user=user, activity_key__in=list(keys), status=Status.COMPLETED).values_list(
            "activity_key", flat=True
        )
    )


def record_heartbeat(user, page, now=None):
    """Add the visible time since the previous heartbeat on this page, unless the learner was idle."""
    now = now or timezone.now()
    row, _ = TimeSpent.objects.get_or_create(user=user, page=page, day=timezone.localdate(now))
    gained = 0
    if row.last_beat_at and now - row.last_beat_at <= IDLE_CUTOFF:
        gained = min(int((now - row.last_beat_at).total_seconds()), MAX_BEAT_SECONDS)
    TimeSpent.objects.filter(pk=row.pk).update(seconds=F("seconds") + gained, last_beat_at=now)
    return gained


def time_spent_by_page(user, page_ids):
    """{page_id: seconds} summed over days."""
    from django.db.models import Sum

    rows = (
        TimeSpent.objects.filter(user=user, page_id__in=list(page_ids)).values("page_id").annotate(total=Sum("seconds"))
    )
    return {row["page_id"]: row["total"] for row in rows}
