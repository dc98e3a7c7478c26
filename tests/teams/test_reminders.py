import os
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from teams import reminders
from teams.assigning import assign_courses
from teams.models import NotificationPreference, ReminderLog
from teams.scope import members
from teams.tasks import enqueue_due_reminders, send_reminder_task
from tests.factories import complete_lessons

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "lrs"]}}


def setup_assignment(team, course, days=3):
    people = list(members(team).order_by("pk"))
    (assignment,) = assign_courses(team, [course], timezone.localdate() + timedelta(days=days), remind_days_before=7)
    complete_lessons(people[0], course)  # finished: never reminded
    NotificationPreference.objects.create(user=people[2], reminders=False)  # opted out
    return assignment, people


@pytest.mark.django_db
def test_due_reminders_only_unfinished_and_opted_in(team, course):
    assignment, people = setup_assignment(team, course)
    assert reminders.due_reminders() == [(assignment.pk, people[1].pk, "before")]
    far = assign_courses(team, [course], timezone.localdate() + timedelta(days=30))[0]
    assert all(a != far.pk for a, _u, _k in reminders.due_reminders())


@pytest.mark.django_db
def test_reminders_are_sent_once_in_french(team, course):
    assignment, people = setup_assignment(team, course)
    assert enqueue_due_reminders() == 1
    assert enqueue_due_reminders() == 0  # already sent
    send_reminder_task.enqueue(assignment.pk, people[1].pk, "before")  # a twin task runs anyway
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [people[1].email]
    assert "Rappel" in message.subject and "Mener un diagnostic partagé" in message.body
    log = ReminderLog.objects.get()
    assert log.sent_at is not None
    # A stable Message-ID per reminder: a copy re-sent after a worker crash is recognisable as the same e-mail.
    assert message.extra_headers["Message-ID"].startswith(f"<rappel-{log.pk}@")


@pytest.mark.django_db
def test_overdue_reminder(team, course):
    assignment, people = setup_assignment(team, course, days=3)
    later = timezone.localdate() + timedelta(days=4)
    assert reminders.due_reminders(today=later) == [(assignment.pk, people[1].pk, "overdue")]


@pytest.mark.django_db
def test_failed_send_is_recorded_and_retried(team, course):
    assignment, people = setup_assignment(team, course)
    with mock.patch("teams.reminders.EmailMessage.send", side_effect=ConnectionError("serveur SMTP injoignable")):
        enqueue_due_reminders()
    log = ReminderLog.objects.get()
    assert log.sent_at is None and log.attempts == 1 and "SMTP" in log.last_error
    enqueue_due_reminders()  # the next hourly check tries again
    log.refresh_from_db()
    assert log.sent_at is not None and len(mail.outbox) == 1


@pytest.mark.django_db
def test_relancer_reaches_only_unfinished_members(client, manager, team, course, django_capture_on_commit_callbacks):
    assignment, people = setup_assignment(team, course, days=30)
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("teams:remind", args=[team.pk, assignment.pk]))
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[people[1].email]]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("teams:remind", args=[team.pk, assignment.pk]))
    assert len(mail.outbox) == 2  # a second click is a second reminder


@pytest.mark.django_db
def test_relancer_asks_first_says_how_many_and_leaves_a_history(
    client, manager, team, course, django_capture_on_commit_callbacks
):
    from wagtail.models import ModelLogEntry

    from teams import audit

    assignment, people = setup_assignment(team, course, days=30)
    client.force_login(manager)
    url = reverse("teams:remind", args=[team.pk, assignment.pk])
    page = client.get(url).content.decode()
    assert "1 personne n'a pas terminé ce module" in page and people[1].get_display_name() in page
    assert not mail.outbox and not ReminderLog.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    entry = ModelLogEntry.objects.get(action=audit.MANUAL_REMINDER)
    assert entry.user == manager and entry.data["count"] == 1

    history = client.get(reverse("teams:member", args=[team.pk, people[1].pk])).content.decode()
    assert "Historique des rappels" in history and "relance manuelle" in history and "envoyé" in history


@pytest.mark.django_db
def test_preferences_page_turns_reminders_off(client, learner):
    client.force_login(learner)
    url = reverse("teams:preferences")
    assert "Recevoir les rappels" in client.get(url).content.decode()
    response = client.post(url, {})
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert NotificationPreference.objects.get(user=learner).reminders is False
    assert "Notifications" in client.get(reverse("account_profile")).content.decode()


def worker_database_url(tmp_path):
    """The subprocess needs the test database: a copy of SQLite's in-memory one, or PostgreSQL's test database."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        target = tmp_path / "worker.sqlite3"
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        connection.connection.backup(destination)
        destination.close()
        return f"sqlite:///{target}", target
    user, host, port = settings_dict["USER"], settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}", None


def run_worker(env, *extra):
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db(transaction=True)
def test_queued_reminder_survives_worker_restart_and_is_sent_once(team, course, settings, tmp_path):
    settings.TASKS = DB_TASKS
    assignment, people = setup_assignment(team, course)
    assert enqueue_due_reminders() == 1
    send_reminder_task.enqueue(assignment.pk, people[1].pk, "before")  # the same reminder queued twice
    assert len(mail.outbox) == 0  # nothing runs in this process: the queue is in the database
    url, _file = worker_database_url(tmp_path)
    mail_dir = tmp_path / "mail"
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "tests.teams.worker_settings",
        "COLLECTIF_WORKER_DATABASE_URL": url,
        "COLLECTIF_WORKER_MAIL_DIR": str(mail_dir),
    }
    run_worker(env, "--max-tasks", "1")  # the worker stops after one task ("restart")...
    run_worker(env)  # ...and a new worker picks up what is left
    run_worker(env)
    messages = [p.read_text() for p in mail_dir.iterdir()] if mail_dir.exists() else []
    # The assignment itself queued its « nouveau module » e-mails too (committed at once here): not reminders.
    messages = [text for text in messages if "Ce rappel vous est envoyé" in text]
    subjects = [line for text in messages for line in text.splitlines() if line.startswith("Subject:")]
    assert len(subjects) == 1, messages
    assert people[1].email in messages[0]


@pytest.mark.django_db
def test_weekly_summary_is_opt_in_and_sent_once_a_week(manager, team, course):
    from teams.tasks import weekly_summary_task

    assign_courses(team, [course], timezone.localdate() + timedelta(days=3))
    weekly_summary_task.enqueue()
    assert mail.outbox == []  # not asked for
    NotificationPreference.objects.create(user=manager, weekly_summary=True)
    weekly_summary_task.enqueue()
    weekly_summary_task.enqueue()
    assert [m.to for m in mail.outbox] == [[manager.email]]
    assert team.name in mail.outbox[0].body and "Modules terminés : 0 sur 3" in mail.outbox[0].body
