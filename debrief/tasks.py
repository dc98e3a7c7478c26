"""Retention of live sessions, run by `manage.py db_worker` (django-tasks, database backend).

Same pattern as teams/tasks.py: the daily purge re-enqueues itself with `run_after`, so the worker alone
keeps it going (no cron). `manage.py purge_debrief_sessions` purges now and starts the chain.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .models import LiveSession, Participant

PURGE_EVERY = timedelta(days=1)


def retention_days():
    return int(getattr(settings, "DEBRIEF_RETENTION_DAYS", 90))


def purge_old_sessions(now=None):
    """Delete sessions created more than DEBRIEF_RETENTION_DAYS ago, with their participants (guests
    included), steps and votes; and any guest left older than that. Returns the number of sessions deleted."""
    limit = (now or timezone.now()) - timedelta(days=retention_days())
    old = LiveSession.objects.filter(created_at__lt=limit)
    count = old.count()
    old.delete()  # cascades to participants, steps and votes
    Participant.objects.filter(user__isnull=True, joined_at__lt=limit).delete()
    return count


def _defer(task_obj, run_after):
    if task_obj.get_backend().supports_defer:
        return task_obj.using(run_after=run_after).enqueue()
    return None


def _already_scheduled(task_obj):
    if not task_obj.get_backend().supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=task_obj.module_path, status="READY").exists()


@task()
def purge_old_sessions_task():
    """The daily purge; it schedules its next run itself."""
    count = purge_old_sessions()
    if not _already_scheduled(purge_old_sessions_task):
        _defer(purge_old_sessions_task, timezone.now() + PURGE_EVERY)
    return count


def ensure_scheduled():
    """Start the daily chain unless it is already queued (idempotent). True when it was started."""
    if _already_scheduled(purge_old_sessions_task):
        return False
    return _defer(purge_old_sessions_task, timezone.now() + timedelta(seconds=5)) is not None
