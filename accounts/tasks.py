"""The daily purge of inactive accounts (accounts/inactivity.py), a periodic job (core.periodic) started by the
worker process (`manage.py ensure_periodic_jobs`)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _
from django_tasks import task

from core import periodic

from .inactivity import purge_inactive_accounts

PURGE_EVERY = timedelta(days=1)


@task()
def purge_inactive_accounts_task():
    """Warn, then delete, inactive accounts (periodic job: the next run is queued before this one works)."""
    return periodic.run(purge_inactive_accounts_task, _purge)


def _purge():
    warned, deleted = purge_inactive_accounts()
    return {"warned": warned, "deleted": deleted}


periodic.register(
    purge_inactive_accounts_task, periodic.every(PURGE_EVERY), _("Purge des comptes inactifs (chaque jour)")
)
