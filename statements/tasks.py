"""Forward stored statements to an external LRS (xAPI 1.0.3), off the request, with retries.

The learner's request only stores the statement and queues this task (see api.store_statement). A
PUT with the statement id is idempotent, so a retry after a lost answer cannot duplicate anything.
Network errors and 5xx/408/429 answers are retried (core.taskqueue.retry_later: 30 s, 1 min, 2 min… capped at
an hour) up to LRS_MAX_ATTEMPTS;
other 4xx answers will not get better and stop at once. The last error stays on the statement.
"""

import logging
from datetime import timedelta

import requests
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from core import periodic
from core.taskqueue import retry_later

from .models import Statement

logger = logging.getLogger(__name__)

XAPI_VERSION = "1.0.3"
# Forwarding has its own queue and worker process (Procfile `lrs`): a hanging LRS never delays reminders.
LRS_QUEUE = "lrs"
RETRYABLE_STATUSES = {408, 429}


class LRSError(Exception):
    def __init__(self, message, retryable=True):
        super().__init__(message)
        self.retryable = retryable


def statements_url():
    endpoint = settings.LRS_ENDPOINT.rstrip("/")
    return endpoint if endpoint.endswith("/statements") else endpoint + "/statements"


def send(statement):
    """PUT one statement to the LRS; raise LRSError on failure."""
    auth = (settings.LRS_USERNAME, settings.LRS_PASSWORD) if settings.LRS_USERNAME else None
    try:
        response = requests.put(
            statements_url(),
            params={"statementId": str(statement.statement_id)},
            json=statement.data,
            auth=auth,
            headers={"X-Experience-API-Version": XAPI_VERSION},
            timeout=settings.LRS_TIMEOUT,
        )
    except requests.RequestException as error:
        raise LRSError(f"{type(error).__name__}: {error}") from error
    if response.status_code < 300:
        return
    retryable = response.status_code >= 500 or response.status_code in RETRYABLE_STATUSES
    raise LRSError(f"HTTP {response.status_code}: {response.text[:300]}", retryable=retryable)


@task(queue_name=LRS_QUEUE)
def forward_statement(statement_pk, attempt=1):
    """Send one statement to the LRS; a no-op when no LRS is configured or it was already sent."""
    if not settings.LRS_ENDPOINT:
        return "disabled"
    statement = Statement.objects.filter(pk=statement_pk, forwarded_at__isnull=True).first()
    if statement is None:
        return "nothing-to-do"
    try:
        send(statement)
    except LRSError as error:
        Statement.objects.filter(pk=statement_pk).update(forward_attempts=attempt, forward_error=str(error)[:500])
        if not error.retryable or attempt >= settings.LRS_MAX_ATTEMPTS:
            logger.error("LRS refused statement %s after %s attempt(s): %s", statement.statement_id, attempt, error)
            return "failed"
        logger.warning("LRS unavailable for statement %s (attempt %s): %s", statement.statement_id, attempt, error)
        retry_later(forward_statement, statement_pk, attempt=attempt, max_attempts=settings.LRS_MAX_ATTEMPTS)
        return "retry"
    Statement.objects.filter(pk=statement_pk).update(
        forwarded_at=timezone.now(), forward_attempts=attempt, forward_error=""
    )
    return "forwarded"


def forward_pending():
    """Queue every statement not yet forwarded (after a long LRS outage). Returns how many."""
    pending = list(Statement.objects.filter(forwarded_at__isnull=True).values_list("pk", flat=True))
    for pk in pending:
        forward_statement.enqueue(pk)
    return len(pending)


def catch_up():
    """Statements still unsent an hour after they were stored (their retries ran out during an LRS outage), but not
    the ones the LRS refused for good (4xx other than 408/429: sending them again would not help)."""
    if not settings.LRS_ENDPOINT:
        return 0
    refused = [f"HTTP {code}" for code in range(400, 500) if code not in RETRYABLE_STATUSES]
    pending = Statement.objects.filter(forwarded_at__isnull=True, stored_at__lt=timezone.now() - CATCH_UP_EVERY)
    pks = [pk for pk, error in pending.values_list("pk", "forward_error") if not error.startswith(tuple(refused))]
    for pk in pks:
        forward_statement.enqueue(pk)
    return len(pks)


CATCH_UP_EVERY = timedelta(hours=1)


@task()
def forward_pending_task():
    """The hourly catch-up of statements not yet sent (periodic job, started by the worker: core.periodic)."""
    return periodic.run(forward_pending_task, catch_up)


periodic.register(
    forward_pending_task,
    periodic.every(CATCH_UP_EVERY),
    _("Envoi xAPI en attente (toutes les heures)"),
)
