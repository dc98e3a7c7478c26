"""Background work for LTI: scores sent back to platforms (run by `manage.py db_worker`)."""

import logging

from django_tasks import task

from core.taskqueue import retry_later

from . import grades

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
