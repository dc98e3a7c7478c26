from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

pytestmark = pytest.mark.django_db

TOKEN = "jeton-de-sante-assez-long"


@pytest.fixture
def token(settings):
    settings.HEALTH_CHECK_TOKEN = TOKEN
    return TOKEN


def test_public_answer_is_only_ok_and_writes_no_file(client, token, monkeypatch):
    def no_write(*args, **kwargs):
        raise AssertionError("the public health check must not write to storage")

    monkeypatch.setattr(default_storage, "save", no_write)
    response = client.get("/sante/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_public_answer_says_erreur_without_details(client, monkeypatch):
    from core import health

    def broken():
        raise ConnectionError("down")

    monkeypatch.setitem(health.PUBLIC_CHECKS, "database", broken)
    response = client.get("/sante/")
    assert response.status_code == 503
    assert response.json() == {"status": "erreur"}


def test_a_cache_outage_is_reported_as_degraded_not_as_a_failure(client, settings):
    """The site works without Redis (issue 23): the load balancer must not take every instance out."""
    settings.CACHES = {"default": {"BACKEND": "core.cache.ReusedClientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
    response = client.get("/sante/")
    assert response.status_code == 200
    assert response.json() == {"status": "dégradé"}


def test_detailed_check_with_the_token(client, token):
    response = client.get("/sante/", headers={"X-Health-Token": token})
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "worker": "ok"},
    }


@pytest.mark.parametrize("configured", ["", TOKEN])
def test_wrong_or_unconfigured_token_gets_the_public_answer(client, settings, configured):
    settings.HEALTH_CHECK_TOKEN = configured
    for given in ("", "mauvais-jeton", TOKEN + "x"):
        assert client.get("/sante/", headers={"X-Health-Token": given}).json() == {"status": "ok"}


def test_detailed_check_reports_a_failing_storage(client, token, monkeypatch):
    from core import health

    def broken():
        raise ConnectionError("down")

    monkeypatch.setitem(health.CHECKS, "storage", broken)
    response = client.get("/sante/", headers={"X-Health-Token": token})
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "error: ConnectionError"


def test_worker_check_sees_tasks_left_waiting(client, token, settings):
    """A worker alive but not keeping up: tasks due long ago still wait. The site still works: « dégradé »."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    from core.models import WorkerHeartbeat

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "lrs"]}}
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="w1", queues="default", hostname="h", pid=1, started_at=now, last_seen=now)
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="core.taskqueue.nothing",
        backend_name="default",
        run_after=get_date_max(),
    )
    assert client.get("/sante/", headers={"X-Health-Token": token}).json()["checks"]["worker"] == "ok"
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - timedelta(hours=1))
    response = client.get("/sante/", headers={"X-Health-Token": token})
    assert response.status_code == 200
    assert response.json()["status"] == "dégradé"
    assert response.json()["checks"]["worker"] == "error: RuntimeError"
    assert response.json()["worker"]["oldest_queued_task_seconds"] >= 3600
