"""Health endpoint for load balancers, and a detailed check for operators.

The public answer is only "ok", "dégradé" or "erreur" from the database and the cache: the site works without its
cache (pages are computed, sessions read from the database), so a cache failure answers 200 "dégradé" and only
a database failure takes the instance out of the load balancer (503). It writes no file, so a load balancer
polling every few seconds costs nothing, and it tells a stranger nothing about the stack. With the token of
HEALTH_CHECK_TOKEN in the X-Health-Token header, the answer details every check, storage write and task worker
included.
"""

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


def _check_worker():
    """With the database task queue, a task left waiting well past its time means that no worker takes them."""
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return
    from django.db.models import Q
    from django_tasks_db.models import DBTaskResult, get_date_max

    late = timezone.now() - WORKER_LATENESS
    due_long_ago = Q(run_after=get_date_max()) | Q(run_after__lte=late)
    if DBTaskResult.objects.ready().filter(due_long_ago, enqueued_at__lte=late).exists():
        raise RuntimeError("tasks wait for a worker")


PUBLIC_CHECKS = {"database": _check_database, "cache": _check_cache}
# Checks the site can work without, slower: their failure makes the answer "dégradé", not "erreur".
DEGRADABLE = {"cache"}
CHECKS = {**PUBLIC_CHECKS, "storage": _check_storage, "worker": _check_worker}


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
    return JsonResponse(body, status=503 if status == "erreur" else 200)
