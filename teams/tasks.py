"""Background work for teams, run by `manage.py db_worker` (django-tasks, database backend).

The hourly reminder check and the weekly summary are periodic jobs (core.periodic): each queues its next run
before doing its work, and the worker process starts them (`manage.py ensure_periodic_jobs`). Retries go through
core.taskqueue.retry_later.
"""

import logging
from datetime import timedelta

from django.utils.translation import gettext_lazy as _
from django_tasks import task

from core import periodic
from core.taskqueue import retry_later

from . import reminders

logger = logging.getLogger(__name__)

CHECK_EVERY = timedelta(hours=1)
MAX_ATTEMPTS = 4


def _backoff(attempts):
    return timedelta(minutes=5 * 2 ** max(attempts - 1, 0))


@task()
def send_reminder_task(assignment_id, user_id, kind, batch="", attempt=1):
    """Send one reminder; on failure record it, retry later with a growing delay, and fail visibly."""
    try:
        return reminders.send_reminder(assignment_id, user_id, kind, batch)
    except Exception as error:
        attempts = reminders.record_failure(assignment_id, user_id, kind, batch, error)
        retry_later(
            send_reminder_task,
            assignment_id,
            user_id,
            kind,
            batch,
            attempt=attempts,
            max_attempts=MAX_ATTEMPTS,
            delay=_backoff,
            defer_only=True,
        )
        logger.warning("Rappel %s non envoyé (tentative %s) : %s", (assignment_id, user_id, kind), attempts, error)
        raise


def enqueue_due_reminders(today=None):
    due = reminders.due_reminders(today)
    for assignment_id, user_id, kind in due:
        send_reminder_task.enqueue(assignment_id, user_id, kind)
    return len(due)


@task()
def check_reminders_task():
    """The hourly check (periodic job)."""
    return periodic.run(check_reminders_task, enqueue_due_reminders)


@task()
def weekly_summary_task():
    from .summary import send_weekly_summaries

    return periodic.run(weekly_summary_task, send_weekly_summaries)


def ensure_scheduled():
    """Start the periodic jobs unless they are already queued (idempotent): every app's, not only teams'."""
    return periodic.ensure_scheduled()


@task()
def send_welcome_emails_task(team_id, user_ids):
    from .welcome import send_welcome_emails

    return send_welcome_emails(team_id, user_ids)


@task()
def send_assignment_email_task(user_id, assignment_ids, attempt=1):
    """The e-mail telling one learner which modules were just assigned to them (teams.assignment_notices); a failed
    send is tried again later with a growing delay (the notice on « Mon espace » is already there)."""
    from .assignment_notices import send_assignment_email

    try:
        return send_assignment_email(user_id, assignment_ids)
    except Exception as error:
        retry_later(
            send_assignment_email_task,
            user_id,
            assignment_ids,
            attempt=attempt,
            max_attempts=MAX_ATTEMPTS,
            delay=_backoff,
            defer_only=True,
        )
        logger.warning("Avis d'affectation non envoyé à %s (tentative %s) : %s", user_id, attempt, error)
        raise


@task()
def send_invitations_task(invitation_ids):
    from .invitations import send_invitations

    return send_invitations(invitation_ids)


periodic.register(check_reminders_task, periodic.every(CHECK_EVERY), _("Rappels d'échéance (toutes les heures)"))
periodic.register(
    weekly_summary_task, periodic.next_monday_morning, _("Bilan hebdomadaire des responsables (lundi 7 h)")
)
