"""Retention (task, command, daily re-enqueue) and the demo session."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from debrief import tasks
from debrief.models import LiveSession, Participant, Vote
from tests.factories import make_guests, make_live_session

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "lrs"]}}


def _age(session, days):
    LiveSession.objects.filter(pk=session.pk).update(created_at=timezone.now() - timedelta(days=days))
    session.participants.update(joined_at=timezone.now() - timedelta(days=days))


def test_old_sessions_and_their_guests_are_deleted_after_the_retention_period(trainer, settings):
    old = make_live_session(trainer=trainer)
    recent = make_live_session(case=old.case, trainer=trainer)
    make_guests(old, 2)
    make_guests(recent, 1)
    _age(old, 91)
    _age(recent, 89)
    assert tasks.purge_old_sessions_task.enqueue().return_value == 1
    assert list(LiveSession.objects.all()) == [recent]
    assert Participant.objects.count() == 1 and not Vote.objects.exists()

    settings.DEBRIEF_RETENTION_DAYS = 30
    call_command("purge_debrief_sessions")
    assert not LiveSession.objects.exists() and not Participant.objects.exists()


def test_the_purge_reschedules_itself_daily_once(trainer, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    assert tasks.ensure_scheduled() is True
    assert tasks.ensure_scheduled() is False
    queued = DBTaskResult.objects.filter(task_path=tasks.purge_old_sessions_task.module_path, status="READY")
    assert queued.count() == 1
    queued.delete()
    tasks.purge_old_sessions_task.call()
    next_run = DBTaskResult.objects.get(task_path=tasks.purge_old_sessions_task.module_path, status="READY")
    assert next_run.run_after > timezone.now() + timedelta(hours=23)
