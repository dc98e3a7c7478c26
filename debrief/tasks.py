"""Retention of live sessions, run by `manage.py db_worker` (django-tasks, database backend).

The daily purge is a periodic job (core.periodic): it queues its next run before purging, and the worker
process starts it (`manage.py ensure_periodic_jobs`). `manage.py purge_debrief_sessions` purges now.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from core import periodic

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


@task()
def purge_old_sessions_task():
    """The daily purge (periodic job, started by the worker: core.periodic)."""
    return periodic.run(purge_old_sessions_task, purge_old_sessions)


def ensure_scheduled():
    """Start the daily purge unless it is already queued (idempotent). True when it was started."""
    return periodic.schedule(purge_old_sessions_task, timezone.now() + timedelta(seconds=5))


periodic.register(
    purge_old_sessions_task, periodic.every(PURGE_EVERY), _("Purge des séances collectives (chaque jour)")
)
