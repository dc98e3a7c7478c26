"""Background work for LTI: scores sent back to platforms (run by `manage.py db_worker`), and the daily purge of
the nonces of old launches."""

import logging
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from core import periodic
from core.taskqueue import retry_later

from . import grades
from .models import UsedNonce

# An id_token is refused once expired (minutes after it is signed): its nonce need not be kept much longer.
NONCE_KEPT_FOR = timedelta(days=1)

logger = logging.getLogger(__name__)


@task()
def post_score_task(link_id, score, completed, attempt=1):
    """Post a score; a platform that does not answer is tried again later with a growing delay."""
    try:
        return grades.post_score(link_id, score, completed)
    except Exception:
        logger.warning("LTI score not accepted (link %s, attempt %s)", link_id, attempt, exc_info=True)
        if not retry_later(post_score_task, link_id, score, completed, attempt=attempt):
            raise
        return None


@task()
def purge_used_nonces_task():
    """Forget the nonces of launches older than a day (periodic job): their id_tokens have long expired."""
    return periodic.run(purge_used_nonces_task, purge_used_nonces)


def purge_used_nonces():
    deleted, _details = UsedNonce.objects.filter(used_at__lt=timezone.now() - NONCE_KEPT_FOR).delete()
    return {"deleted": deleted}


periodic.register(
    purge_used_nonces_task, periodic.every(timedelta(days=1)), _("Purge des nonces LTI utilisés (chaque jour)")
)
