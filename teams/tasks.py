"""Background work for teams, run by `manage.py db_worker` (django-tasks, database backend).

The periodic check re-enqueues itself with `run_after`, so the worker alone keeps it going: no cron.
`manage.py send_due_reminders` (run by `load_demo` in development, once after each deployment in
production) enqueues the due reminders now and makes sure the periodic chain exists.
"""

import logging
from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import task

from . import reminders

logger = logging.getLogger(__name__)

CHECK_EVERY = timedelta(hours=1)
MAX_ATTEMPTS = 4


def _backoff(attempts):
    return timedelta(minutes=5 * 2 ** max(attempts - 1, 0))


def _defer(task_obj, run_after, *args, **kwargs):
    """Enqueue later when the backend can defer (database backend); otherwise do nothing."""
    if task_obj.get_backend().supports_defer:
        return task_obj.using(run_after=run_after).enqueue(*args, **kwargs)
    return None


def _already_scheduled(task_obj):
    backend = task_obj.get_backend()
    if not backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=task_obj.module_path, status="READY").exists()


@task()
def send_reminder_task(assignment_id, user_id, kind, batch=""):
    """Send one reminder; on failure record it, retry later with a growing delay, and fail visibly."""
    try:
        return reminders.send_reminder(assignment_id, user_id, kind, batch)
    except Exception as error:
        attempts = reminders.record_failure(assignment_id, user_id, kind, batch, error)
        if attempts < MAX_ATTEMPTS:
            _defer(send_reminder_task, timezone.now() + _backoff(attempts), assignment_id, user_id, kind, batch)
        logger.warning("Rappel %s non envoyé (tentative %s) : %s", (assignment_id, user_id, kind), attempts, error)
        raise


def enqueue_due_reminders(today=None):
    due = reminders.due_reminders(today)
    for assignment_id, user_id, kind in due:
        send_reminder_task.enqueue(assignment_id, user_id, kind)
    return len(due)


@task()
def check_reminders_task():
    """The hourly check; it schedules its next run itself."""
    count = enqueue_due_reminders()
    if not _already_scheduled(check_reminders_task):
        _defer(check_reminders_task, timezone.now() + CHECK_EVERY)
    return count


def next_monday_morning(now=None):
    now = timezone.localtime(now)
    days = (7 - now.weekday()) % 7 or 7
    day = (now + timedelta(days=days)).date()
    return timezone.make_aware(datetime.combine(day, time(7, 0)))


@task()
def weekly_summary_task():
    from .summary import send_weekly_summaries

    count = send_weekly_summaries()
    if not _already_scheduled(weekly_summary_task):
        _defer(weekly_summary_task, next_monday_morning())
    return count


def ensure_scheduled():
    """Start the periodic chains unless they are already queued (idempotent)."""
    started = []
    if not _already_scheduled(check_reminders_task):
        _defer(check_reminders_task, timezone.now() + timedelta(seconds=5))
        started.append("check_reminders_task")
    if not _already_scheduled(weekly_summary_task):
        _defer(weekly_summary_task, next_monday_morning())
        started.append("weekly_summary_task")
    return started


@task()
def send_welcome_emails_task(team_id, user_ids):
    from .welcome import send_welcome_emails

    return send_welcome_emails(team_id, user_ids)
