"""Helpers around the django-tasks database queue: retries with backoff and recovery of dead workers.

django-tasks runs a task once and records failures; it has no retry policy of its own, and a worker
killed mid-task leaves its task RUNNING. Tasks here are written to be idempotent, so both are safe.
"""

from datetime import timedelta

from django.utils import timezone

MAX_ATTEMPTS = 6


def backoff_delay(attempt):
    """30 s, 1 min, 2 min, 4 min... capped at one hour."""
    return timedelta(seconds=min(30 * 2 ** max(attempt - 1, 0), 3600))


def retry_later(task, *args, attempt, **kwargs):
    """Enqueue `task` again after a backoff delay; returns False once MAX_ATTEMPTS is reached.

    The task receives `attempt` as a keyword argument so that it can pass it on.
    """
    if attempt >= MAX_ATTEMPTS:
        return False
    task.using(run_after=timezone.now() + backoff_delay(attempt)).enqueue(*args, attempt=attempt + 1, **kwargs)
    return True


def requeue_stale_tasks(older_than=timedelta(minutes=15)):
    """Put back in the queue the tasks whose worker died while running them. Returns how many."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - older_than
    return DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff).update(
        status=TaskResultStatus.READY, started_at=None, run_after=timezone.now()
    )
