"""The self-healing worker (core/worker.py, `manage.py run_worker`): it outlives database outages, takes back the
tasks of dead workers, keeps periodic jobs scheduled, and /sante/ reports its heartbeat (issue 23)."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks import task

from core import periodic, worker
from core.models import WorkerHeartbeat
from teams import tasks as team_tasks

pytestmark = pytest.mark.django_db(transaction=True)

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "lrs"]}}
TOKEN = "jeton-de-test-sante"
runs = []


@task()
def remember(value):
    runs.append(value)


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = DB_TASKS
    runs.clear()


def make_worker(**overrides):
    options = {
        "queue_names": ["default"],
        "interval": 0,
        "batch": True,
        "backend_name": "default",
        "startup_delay": False,
        "max_tasks": None,
        "worker_id": "worker-test",
        "excluded_queue_names": [],
        **overrides,
    }
    return worker.SelfHealingWorker(**options)


def claimed_by(worker_id, started_ago):
    from django_tasks_db.models import DBTaskResult

    result = remember.enqueue(worker_id)
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim(worker_id)
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=timezone.now() - started_ago)
    return row.pk


def beat(worker_id, ago=timedelta(0)):
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"queues": "default", "hostname": "test", "pid": 1, "started_at": now, "last_seen": now - ago},
    )


def status_of(pk):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.get(pk=pk).status


def test_tasks_of_a_dead_worker_go_back_to_the_queue_and_a_live_workers_stay(settings):
    settings.TASK_WORKER_DEAD_AFTER_SECONDS = 30
    beat("alive")
    beat("silent", ago=timedelta(minutes=5))
    of_alive = claimed_by("alive", started_ago=timedelta(minutes=5))
    of_silent = claimed_by("silent", started_ago=timedelta(minutes=5))
    of_unknown_just_started = claimed_by("just-started", started_ago=timedelta(seconds=2))
    stuck_for_hours = claimed_by("alive", started_ago=timedelta(hours=2))

    assert worker.requeue_orphaned_tasks() == 2
    assert status_of(of_silent) == "READY"
    assert status_of(stuck_for_hours) == "READY"  # past TASK_TIMEOUT even though its worker lives
    assert status_of(of_alive) == "RUNNING"
    assert status_of(of_unknown_just_started) == "RUNNING"  # its worker may not have beaten yet


def test_the_worker_waits_for_the_database_instead_of_exiting():
    remember.enqueue("après la panne")
    busy = make_worker()
    real_claim = busy.claim_next_task
    outage = [OperationalError("connection refused"), OperationalError("connection refused")]

    def claim_during_outage():
        if outage:
            raise outage.pop(0)
        return real_claim()

    with mock.patch.object(busy, "claim_next_task", side_effect=claim_during_outage), mock.patch("time.sleep") as slept:
        busy.loop()
    assert runs == ["après la panne"]
    assert [call.args[0] for call in slept.call_args_list[:2]] == [0.5, 1.0]  # a growing pause between attempts
    assert not busy.in_outage and busy.backoff.failures == 0


def test_the_task_in_hand_when_the_database_went_away_runs_again():
    """Its end could not be recorded (the connection was gone): it stays « en cours » under this worker until the
    worker is back, then runs again."""
    result = remember.enqueue("interrompue")
    busy = make_worker()
    real_run_task = busy.run_task
    lost = [True]

    def run_task_losing_the_database(task_result):
        if lost:
            lost.pop()
            raise OperationalError("server closed the connection unexpectedly")
        return real_run_task(task_result)

    with mock.patch.object(busy, "run_task", side_effect=run_task_losing_the_database), mock.patch("time.sleep"):
        busy.loop()
    assert runs == ["interrompue"]
    assert status_of(result.id) == "SUCCESSFUL"


def test_housekeeping_schedules_again_a_periodic_job_whose_run_was_lost():
    from django_tasks_db.models import DBTaskResult

    busy = make_worker()
    busy.housekeeping()
    reminders = DBTaskResult.objects.filter(task_path=team_tasks.check_reminders_task.module_path)
    assert reminders.filter(status="READY").count() == 1
    reminders.delete()  # e.g. the run was killed before it queued the next one and then was purged
    busy.housekeeping()
    assert reminders.filter(status="READY").count() == 1


def test_a_running_periodic_job_is_not_started_a_second_time():
    from django_tasks_db.models import DBTaskResult

    periodic.ensure_scheduled()
    reminders = DBTaskResult.objects.filter(task_path=team_tasks.check_reminders_task.module_path)
    reminders.get().claim("worker-a")  # running now: it will queue its own next run
    periodic.ensure_scheduled()
    assert reminders.filter(status="READY").count() == 0


def test_the_heartbeat_row_is_written_and_removed_on_exit():
    heartbeat = worker.Heartbeat("worker-hb", ["default", "lrs"])
    heartbeat.beat()
    row = WorkerHeartbeat.objects.get(worker_id="worker-hb")
    assert row.queues == "default,lrs" and row.last_seen > timezone.now() - timedelta(seconds=5)
    heartbeat.stop()
    assert not WorkerHeartbeat.objects.exists()


@pytest.fixture
def token(settings):
    settings.HEALTH_CHECK_TOKEN = TOKEN
    return TOKEN


def test_health_says_degraded_when_no_worker_is_alive(client, token, settings):
    settings.TASK_WORKER_DEAD_AFTER_SECONDS = 30
    beat("gone", ago=timedelta(minutes=3))
    public = client.get("/sante/")
    assert public.status_code == 200 and public.json() == {"status": "dégradé"}
    detailed = client.get("/sante/", headers={"X-Health-Token": token}).json()
    assert detailed["checks"]["worker"] == "error: RuntimeError"
    assert detailed["worker"]["live_workers"] == 0
    assert detailed["worker"]["last_heartbeat_seconds_ago"] >= 180


def test_health_reports_the_heartbeat_and_the_oldest_queued_task(client, token):
    from django_tasks_db.models import DBTaskResult

    beat("busy")
    result = remember.enqueue("en attente")
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - timedelta(minutes=2))
    assert client.get("/sante/").json() == {"status": "ok"}
    detailed = client.get("/sante/", headers={"X-Health-Token": token}).json()
    assert detailed["status"] == "ok" and detailed["checks"]["worker"] == "ok"
    assert detailed["worker"]["live_workers"] == 1
    assert detailed["worker"]["last_heartbeat_seconds_ago"] <= 5
    assert 110 <= detailed["worker"]["oldest_queued_task_seconds"] <= 200
