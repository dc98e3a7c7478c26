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


def retry_later(task, *args, attempt, max_attempts=MAX_ATTEMPTS, delay=backoff_delay, defer_only=False, **kwargs):
    """The one retry helper of every task: enqueue `task` again after `delay(attempt)`; False once `attempt`
    reaches `max_attempts`. The task receives `attempt=attempt + 1` as a keyword argument to pass on.

    A backend that cannot defer (the immediate one of the tests) runs the retry at once, or not at all with
    `defer_only` (for a job whose next periodic run tries again anyway).
    """
    if attempt >= max_attempts:
        return False
    if task.get_backend().supports_defer:
        task.using(run_after=timezone.now() + delay(attempt)).enqueue(*args, attempt=attempt + 1, **kwargs)
    elif defer_only:
        return False
    else:
        task.enqueue(*args, attempt=attempt + 1, **kwargs)
    return True


def requeue_stale_tasks(older_than=timedelta(minutes=15)):
    """Put back in the queue the tasks whose worker died while running them. Returns how many."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - older_than
    return DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff).update(
        status=TaskResultStatus.READY, started_at=None, run_after=timezone.now()
    )


# PostgreSQL aborts one of two transactions that lock each other (e.g. Wagtail's reference-index task run by two
# workers on related objects), and a connection lost in a database outage fails the task in hand: either way the
# failed task did nothing and can simply run again a moment later.
TRANSIENT_DATABASE_ERRORS = (
    "psycopg.errors.DeadlockDetected",
    "psycopg.errors.SerializationFailure",
    "django.db.utils.OperationalError",
    "django.db.utils.InterfaceError",
)
TRANSIENT_MAX_ATTEMPTS = 5


def is_transient_failure(traceback_text):
    return any(name in (traceback_text or "") for name in TRANSIENT_DATABASE_ERRORS)


def retry_transient_failure(sender, task_result, **kwargs):
    """task_finished receiver: a task of any app that failed on a deadlock is queued again after a short backoff.

    Attempts are counted from the failed rows of the same task with the same arguments, so it stops after
    TRANSIENT_MAX_ATTEMPTS even if the deadlock keeps coming back.
    """
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    if task_result.status != TaskResultStatus.FAILED or not task_result.errors:
        return
    if not is_transient_failure(task_result.errors[-1].traceback):
        return
    task = task_result.task
    if not task.get_backend().supports_defer:
        return
    failures = DBTaskResult.objects.filter(
        task_path=task.module_path,
        status=TaskResultStatus.FAILED,
        args_kwargs={"args": list(task_result.args), "kwargs": task_result.kwargs},
    ).count()
    if failures >= TRANSIENT_MAX_ATTEMPTS:
        return
    delay = timedelta(seconds=min(2 * 2 ** max(failures - 1, 0), 60))
    task.using(run_after=timezone.now() + delay).enqueue(*task_result.args, **task_result.kwargs)
