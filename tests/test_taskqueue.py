from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import task

from core.taskqueue import backoff_delay, requeue_stale_tasks, retry_later

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
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
