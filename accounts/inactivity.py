"""Inactive accounts: warned by e-mail, then deleted (privacy promise, issue #18).

An account is inactive from its last login (or its creation when it never logged in). After
INACTIVE_ACCOUNT_RETENTION_DAYS minus INACTIVE_ACCOUNT_WARNING_DAYS its holder receives one notice; logging in
again clears it (accounts/signals.py). The account is deleted once both the retention period has passed and the
notice is at least INACTIVE_ACCOUNT_WARNING_DAYS old, so nobody is deleted without a full warning period. Staff
(trainers, lead trainers, managers, administrators, Django staff and superusers) are never purged automatically.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import F
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import log

from core.links import absolute_url
from core.mail import render_email

from . import personal_data
from .permissions import Role

logger = logging.getLogger(__name__)

PURGED = "collectif.accounts.inactive_purged"
STAFF_ROLES = (Role.TRAINER, Role.LEAD_TRAINER, Role.MANAGER, Role.ADMIN)


def retention_days():
    return int(getattr(settings, "INACTIVE_ACCOUNT_RETENTION_DAYS", 1095))


def warning_days():
    return int(getattr(settings, "INACTIVE_ACCOUNT_WARNING_DAYS", 30))


def purgeable_accounts():
    """Accounts the purge may touch, each annotated with `last_activity`: never staff, whatever their roles."""
    return (
        get_user_model()
        .objects.filter(is_staff=False, is_superuser=False)
        .exclude(groups__role__code__in=STAFF_ROLES)
        .annotate(last_activity=Coalesce("last_login", "date_joined"))
    )


def accounts_to_warn(now=None):
    """Active accounts idle for retention minus warning days that were not warned since their last activity."""
    now = now or timezone.now()
    limit = now - timedelta(days=retention_days() - warning_days())
    return purgeable_accounts().filter(is_active=True, last_activity__lt=limit, inactivity_warned_at__isnull=True)


def accounts_to_delete(now=None):
    """Accounts idle past retention whose notice (sent after their last activity) is at least warning days old."""
    now = now or timezone.now()
    return purgeable_accounts().filter(
        last_activity__lt=now - timedelta(days=retention_days()),
        inactivity_warned_at__lte=now - timedelta(days=warning_days()),
        inactivity_warned_at__gt=F("last_activity"),
    )


def send_warning(user, now=None):
    """E-mail the notice, then remember it was sent (an e-mail that fails is tried again on the next run)."""
    now = now or timezone.now()
    deletion = max(user.last_activity + timedelta(days=retention_days()), now + timedelta(days=warning_days()))
    with translation.override("fr"):
        context = {
            "user": user,
            "deletion_date": deletion,
            "login_url": absolute_url(reverse("account_login")),
            "retention_days": retention_days(),
        }
        subject, body = render_email("accounts/emails/inactivity_warning", context)
    send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [user.email])
    get_user_model().objects.filter(pk=user.pk).update(inactivity_warned_at=now)


def delete_inactive(user, now=None):
    """Delete the account as its holder would (personal_data.delete_account), leaving an audit entry that names
    no personal data: the account number, its last activity and the notice date."""
    log(
        instance=user,
        action=PURGED,
        title=f"#{user.pk}",
        data={
            "user_id": user.pk,
            "last_activity": user.last_activity.isoformat(),
            "warned_at": user.inactivity_warned_at.isoformat(),
            "retention_days": retention_days(),
        },
    )
    logger.info("Inactive account #%s deleted (last activity %s).", user.pk, user.last_activity.date())
    personal_data.delete_account(user)


def purge_inactive_accounts(now=None):
    """The daily job: warn who reaches the notice date, delete who is past the retention period after a notice.
    One account's failure (a refused address) is logged and does not stop the others. Returns (warned, deleted)."""
    now = now or timezone.now()
    warned = deleted = 0
    for user in accounts_to_warn(now):
        try:
            send_warning(user, now)
            warned += 1
        except Exception:
            logger.exception("Inactivity notice to account #%s failed; it will be tried again.", user.pk)
    for user in accounts_to_delete(now):
        delete_inactive(user, now)
        deleted += 1
    return warned, deleted
