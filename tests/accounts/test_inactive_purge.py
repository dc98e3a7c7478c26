"""Inactive accounts (accounts/inactivity.py): one notice, deletion after the period, a login keeps the account,
staff are never purged, and the daily job keeps running after a failure."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts import inactivity
from accounts import tasks as account_tasks
from accounts.models import User
from accounts.permissions import Role, assign_role
from core import periodic
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "lrs"]}}


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def idle(role, days, warned_days_ago=None, **fields):
    """A user last seen `days` ago, warned `warned_days_ago` days ago if given."""
    user = make_user(role, **fields)
    warned = days_ago(warned_days_ago) if warned_days_ago is not None else None
    User.objects.filter(pk=user.pk).update(last_login=days_ago(days), inactivity_warned_at=warned)
    return User.objects.get(pk=user.pk)


@pytest.fixture(autouse=True)
def durations(settings):
    settings.INACTIVE_ACCOUNT_RETENTION_DAYS = 1095
    settings.INACTIVE_ACCOUNT_WARNING_DAYS = 30
    settings.SITE_URL = "https://collectif.example"


def test_a_learner_idle_for_retention_minus_warning_is_warned_once_not_twice():
    learner = idle(Role.LEARNER, 1070)

    assert inactivity.purge_inactive_accounts() == (1, 0)
    assert inactivity.purge_inactive_accounts() == (0, 0)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [learner.email]
    assert "supprimé" in message.subject
    assert User.objects.get(pk=learner.pk).inactivity_warned_at is not None


def test_the_notice_links_to_the_login_page_with_an_absolute_address():
    from django.urls import reverse

    idle(Role.LEARNER, 1070)
    inactivity.purge_inactive_accounts()
    assert f"https://collectif.example{reverse('account_login')}" in mail.outbox[0].body


def test_a_learner_who_never_logged_in_counts_from_account_creation():
    never = make_user(Role.LEARNER)
    User.objects.filter(pk=never.pk).update(last_login=None, date_joined=days_ago(1070))
    recent = make_user(Role.LEARNER)
    User.objects.filter(pk=recent.pk).update(last_login=None, date_joined=days_ago(100))

    inactivity.purge_inactive_accounts()

    assert [message.to for message in mail.outbox] == [[never.email]]


def test_a_learner_not_yet_near_the_limit_is_left_alone():
    learner = idle(Role.LEARNER, 1000)
    assert inactivity.purge_inactive_accounts() == (0, 0)
    assert User.objects.get(pk=learner.pk).inactivity_warned_at is None


def test_an_account_past_retention_and_warned_long_enough_ago_is_deleted_with_an_audit_entry():
    learner = idle(Role.LEARNER, 1100, warned_days_ago=31)
    pk, email = learner.pk, learner.email

    assert inactivity.purge_inactive_accounts() == (0, 1)

    assert not User.objects.filter(pk=pk).exists()
    entry = ModelLogEntry.objects.get(action=inactivity.PURGED)
    assert entry.object_id == str(pk)
    assert email not in entry.label and email not in str(entry.data)


def test_no_deletion_before_a_full_warning_period_nor_without_a_notice():
    warned_recently = idle(Role.LEARNER, 1100, warned_days_ago=10)
    never_warned = idle(Role.LEARNER, 1200)

    assert inactivity.purge_inactive_accounts() == (1, 0)

    assert User.objects.filter(pk__in=[warned_recently.pk, never_warned.pk]).count() == 2
    assert [message.to for message in mail.outbox] == [[never_warned.email]]


def test_logging_in_again_clears_the_notice_and_keeps_the_account(client):
    learner = idle(Role.LEARNER, 1100, warned_days_ago=40)

    assert client.login(email=learner.email, password=PASSWORD)

    learner.refresh_from_db()
    assert learner.inactivity_warned_at is None
    assert inactivity.purge_inactive_accounts() == (0, 0)
    assert User.objects.filter(pk=learner.pk).exists()


def test_a_notice_older_than_the_last_login_never_deletes():
    learner = idle(Role.LEARNER, 1100, warned_days_ago=1200)
    assert inactivity.purge_inactive_accounts() == (0, 0)
    assert User.objects.filter(pk=learner.pk).exists()


@pytest.mark.parametrize("role", [Role.TRAINER, Role.LEAD_TRAINER, Role.MANAGER, Role.ADMIN])
def test_staff_roles_are_never_warned_nor_purged(role):
    staff = idle(role, 2000, warned_days_ago=100)
    also_learner = idle(Role.LEARNER, 2000, warned_days_ago=100)
    assign_role(also_learner, role)

    assert inactivity.purge_inactive_accounts() == (0, 0)
    assert User.objects.filter(pk__in=[staff.pk, also_learner.pk]).count() == 2
    assert mail.outbox == []


@pytest.mark.parametrize("flag", ["is_staff", "is_superuser"])
def test_django_staff_and_superusers_are_never_purged(flag):
    user = idle(None, 2000, warned_days_ago=100, **{flag: True})
    assert inactivity.purge_inactive_accounts() == (0, 0)
    assert User.objects.filter(pk=user.pk).exists()


def test_a_refused_address_does_not_stop_the_other_notices():
    first, second = idle(Role.LEARNER, 1070), idle(Role.LEARNER, 1070)
    real_send = inactivity.send_mail

    def refuse_first(subject, body, sender, recipients):
        if recipients == [first.email]:
            raise OSError("adresse refusée")
        return real_send(subject, body, sender, recipients)

    with mock.patch.object(inactivity, "send_mail", side_effect=refuse_first):
        assert inactivity.purge_inactive_accounts() == (1, 0)

    assert User.objects.get(pk=first.pk).inactivity_warned_at is None  # tried again next day
    assert User.objects.get(pk=second.pk).inactivity_warned_at is not None


def test_the_daily_job_is_registered_and_a_failing_run_does_not_stop_the_next(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    task = account_tasks.purge_inactive_accounts_task
    assert task.module_path in {job.path for job in periodic.jobs()}
    waiting = DBTaskResult.objects.filter(task_path=task.module_path, status="READY")

    with mock.patch.object(account_tasks, "purge_inactive_accounts", side_effect=[RuntimeError("SMTP"), (2, 1)]):
        with pytest.raises(RuntimeError):
            task.call()
        (next_run,) = waiting
        assert next_run.run_after > timezone.now() + timedelta(hours=23)
        next_run.delete()
        assert task.call() == {"warned": 2, "deleted": 1}
    assert waiting.count() == 1
