import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks import task

from core.taskqueue import backoff_delay, requeue_stale_tasks, retry_later

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "lrs"]}}
calls = []


@task()
def record_call(value, attempt=1):
    calls.append((value, attempt))


def test_backoff_grows_and_is_capped():
    assert backoff_delay(1) == timedelta(seconds=30)
    assert backoff_delay(3) == timedelta(seconds=120)
    assert backoff_delay(50) == timedelta(hours=1)


def test_retry_later_enqueues_with_delay_until_the_limit(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    assert retry_later(record_call, "x", attempt=1)
    queued = DBTaskResult.objects.get()
    assert queued.args_kwargs["kwargs"] == {"attempt": 2}
    assert queued.run_after > timezone.now() + timedelta(seconds=20)
    assert not retry_later(record_call, "x", attempt=6)


def test_stale_running_tasks_go_back_to_the_queue(settings):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    record_call.enqueue("y")
    stuck = DBTaskResult.objects.get()
    stuck.claim("dead-worker")
    DBTaskResult.objects.filter(pk=stuck.pk).update(started_at=timezone.now() - timedelta(hours=1))
    assert requeue_stale_tasks(timedelta(minutes=15)) == 1
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY


@task()
def append_run(path, value):
    """Leave a trace of each run: one line per execution, appended atomically (O_APPEND)."""
    time.sleep(0.05)
    with open(path, "a") as handle:
        handle.write(f"{value}:{os.getpid()}\n")


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_run_each_task_exactly_once(settings, tmp_path):
    """Workers claim tasks with SELECT … FOR UPDATE SKIP LOCKED (PostgreSQL) or an exclusive transaction
    (SQLite): started together on one queue, they never run the same task twice."""
    from tests.teams.test_reminders import worker_database_url

    settings.TASKS = DB_TASKS
    runs = tmp_path / "runs.txt"
    for value in range(40):
        append_run.enqueue(str(runs), value)
    url, _copy = worker_database_url(tmp_path)
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "tests.teams.worker_settings",
        "COLLECTIF_WORKER_DATABASE_URL": url,
        "COLLECTIF_WORKER_MAIL_DIR": str(tmp_path / "mail"),
    }
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--interval", "0.1"]
    workers = [
        subprocess.Popen(  # noqa: S603 (fixed arguments)
            [*command, "--worker-id", f"worker-{n}"],
            env=env,
            cwd=Path(__file__).resolve().parent.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for n in (1, 2)
    ]
    outputs = [worker.communicate(timeout=240)[0] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    values = sorted(int(line.split(":")[0]) for line in runs.read_text().split())
    assert values == list(range(40)), "each task ran exactly once"


def _fail(exception):
    """Run the worker's bookkeeping for a failed task: the row is marked failed with the exception."""
    from django_tasks_db.models import DBTaskResult

    row = DBTaskResult.objects.ready().get()
    row.claim("worker-test")
    try:
        raise exception
    except type(exception) as error:
        row.set_failed(error)
    return row


def test_deadlocked_tasks_are_queued_again_with_backoff_then_given_up(settings):
    import psycopg.errors
    from django_tasks_db.models import DBTaskResult

    from core.taskqueue import TRANSIENT_MAX_ATTEMPTS, retry_transient_failure

    settings.TASKS = DB_TASKS
    record_call.enqueue("z")
    for attempt in range(1, TRANSIENT_MAX_ATTEMPTS + 1):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # the backoff has passed
        row = _fail(psycopg.errors.DeadlockDetected("deadlock detected"))
        retry_transient_failure(None, row.task_result)
        retried = DBTaskResult.objects.filter(status="READY")
        if attempt < TRANSIENT_MAX_ATTEMPTS:
            assert retried.count() == 1
            assert retried.get().args_kwargs == {"args": ["z"], "kwargs": {}}
            assert retried.get().run_after > timezone.now()
    assert not DBTaskResult.objects.filter(status="READY").exists(), "given up after the last attempt"
    assert DBTaskResult.objects.failed().count() == TRANSIENT_MAX_ATTEMPTS


def test_other_failures_are_not_retried(settings):
    from django_tasks_db.models import DBTaskResult

    from core.taskqueue import retry_transient_failure

    settings.TASKS = DB_TASKS
    record_call.enqueue("w")
    row = _fail(ValueError("a bug, not a deadlock"))
    retry_transient_failure(None, row.task_result)
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_retry_later_runs_at_once_on_a_backend_that_cannot_defer():
    calls.clear()
    assert retry_later(record_call, "z", attempt=1, max_attempts=3)
    assert calls == [("z", 2)]
    assert not retry_later(record_call, "z", attempt=3, max_attempts=3)
    assert not retry_later(record_call, "z", attempt=1, defer_only=True)  # the next periodic run will try again
    assert calls == [("z", 2)]


def test_retry_later_uses_the_given_delay(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    assert retry_later(record_call, "x", attempt=2, delay=lambda attempt: timedelta(minutes=5 * attempt))
    queued = DBTaskResult.objects.get()
    assert timedelta(minutes=9) < queued.run_after - timezone.now() <= timedelta(minutes=10)


def test_a_feedback_e_mail_that_fails_is_retried_later(settings, learner, trainer):
    import smtplib
    from unittest import mock

    from django_tasks_db.models import DBTaskResult

    from reflections.tasks import send_feedback_notification
    from tests.factories import make_entry, make_feedback

    feedback = make_feedback(make_entry(learner, shared=True), trainer)
    settings.TASKS = DB_TASKS
    DBTaskResult.objects.all().delete()
    failing = mock.patch("reflections.tasks.send_mail", side_effect=smtplib.SMTPServerDisconnected("coupé"))
    with failing, pytest.raises(smtplib.SMTPServerDisconnected):
        send_feedback_notification.call(feedback.pk)
    queued = DBTaskResult.objects.get(task_path=send_feedback_notification.module_path)
    assert queued.args_kwargs == {"args": [feedback.pk], "kwargs": {"attempt": 2}}
    assert queued.run_after > timezone.now() + timedelta(seconds=20)
