"""Health endpoint for load balancers, and a detailed check for operators.

The public answer is only "ok", "dégradé" or "erreur" from the database, the cache and the task worker: the site
works without its cache (pages are computed, sessions read from the database) and without a worker (e-mails and
reminders wait), so their failure answers 200 "dégradé"; only a database failure takes the instance out of the load
balancer (503). It writes no file, so a load balancer polling every few seconds costs nothing, and it tells a
stranger nothing about the stack. With the token of HEALTH_CHECK_TOKEN in the X-Health-Token header, the answer
details every check (storage write included) and the workers: how many are alive, their last heartbeat, and how
long the oldest due task has waited."""

import hmac
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

TOKEN_HEADER = "X-Health-Token"  # noqa: S105 - a header name, not a secret
# A task that a worker should have taken this long ago means no worker is running.
WORKER_LATENESS = timedelta(minutes=15)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value it was given")
    cache.delete(key)


def _check_storage():
    name = default_storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as handle:
            if handle.read() != b"ok":
                raise RuntimeError("storage returned other bytes")
    finally:
        default_storage.delete(name)


def _uses_database_queue():
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def _check_worker():
    """With the database task queue: a worker wrote its heartbeat lately (core/worker.py), and no task waits long
    past its time (a worker alive but unable to keep up)."""
    if not _uses_database_queue():
        return
    from django_tasks_db.models import DBTaskResult

    from core.worker import live_workers

    if not live_workers().exists():
        raise RuntimeError("no task worker is alive")
    oldest = _oldest_due_task_age(DBTaskResult.objects.ready())
    if oldest is not None and oldest > WORKER_LATENESS:
        raise RuntimeError("tasks wait for a worker")


def _oldest_due_task_age(ready):
    """How long the oldest task due to run has waited (from its due time, or its enqueueing when due at once)."""
    from django.db.models import Min
    from django_tasks_db.models import get_date_max

    now = timezone.now()
    due = ready.exclude(run_after=get_date_max()).aggregate(at=Min("run_after"))["at"]
    due_at_once = ready.filter(run_after=get_date_max()).aggregate(at=Min("enqueued_at"))["at"]
    moments = [moment for moment in (due, due_at_once) if moment is not None]
    return now - min(moments) if moments else None


def worker_report():
    """For operators (detailed answer): live workers, the last heartbeat and the oldest due task's wait, in seconds."""
    if not _uses_database_queue():
        return None
    from django.db.models import Max
    from django_tasks_db.models import DBTaskResult

    from core.models import WorkerHeartbeat
    from core.worker import live_workers

    last = WorkerHeartbeat.objects.aggregate(at=Max("last_seen"))["at"]
    oldest = _oldest_due_task_age(DBTaskResult.objects.ready())
    return {
        "live_workers": live_workers().count(),
        "last_heartbeat_seconds_ago": round((timezone.now() - last).total_seconds()) if last else None,
        "oldest_queued_task_seconds": round(oldest.total_seconds()) if oldest else 0,
    }


PUBLIC_CHECKS = {"database": _check_database, "cache": _check_cache, "worker": _check_worker}
# Checks the site can work without: their failure makes the answer "dégradé", not "erreur". Pages still render
# without a task worker, but e-mails, reminders and LRS forwarding wait: operators must hear of it.
DEGRADABLE = {"cache", "worker"}
CHECKS = {**PUBLIC_CHECKS, "storage": _check_storage}


def run_checks(checks):
    results = {}
    for name, check in checks.items():
        try:
            check()
            results[name] = "ok"
        except Exception as error:  # noqa: BLE001 - any failure means unhealthy; the type is reported
            results[name] = f"error: {type(error).__name__}"
    return results


def has_detail_token(request):
    """Constant-time comparison with HEALTH_CHECK_TOKEN; no token configured means no detailed answer."""
    expected = settings.HEALTH_CHECK_TOKEN
    given = request.headers.get(TOKEN_HEADER, "")
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


@never_cache
@require_GET
def health(request):
    detailed = has_detail_token(request)
    results = run_checks(CHECKS if detailed else PUBLIC_CHECKS)
    failed = {name for name, value in results.items() if value != "ok"}
    status = "erreur" if failed - DEGRADABLE else "dégradé" if failed else "ok"
    body = {"status": status}
    if detailed:
        body["checks"] = results
        if results["database"] == "ok" and (report := worker_report()) is not None:
            body["worker"] = report
    return JsonResponse(body, status=503 if status == "erreur" else 200)
