"""Periodic jobs (core.periodic): the worker starts them all, one failing run does not stop the next, and the
admin page lists them with their last and next run."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from accounts import tasks as account_tasks
from core import periodic
from debrief import tasks as debrief_tasks
from lti import tasks as lti_tasks
from statements import tasks as statement_tasks
from teams import tasks as team_tasks

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "lrs"]}}
ALL_JOBS = {
    team_tasks.check_reminders_task,
    team_tasks.weekly_summary_task,
    statement_tasks.forward_pending_task,
    debrief_tasks.purge_old_sessions_task,
    account_tasks.purge_inactive_accounts_task,
    lti_tasks.purge_used_nonces_task,
}


def waiting(task):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=task.module_path, status="READY")


def test_every_periodic_job_is_registered_and_started_once_by_the_worker(settings):
    from django.core.management import call_command

    settings.TASKS = DB_TASKS
    assert {job.path for job in periodic.jobs()} == {task.module_path for task in ALL_JOBS}
    call_command("ensure_periodic_jobs", stdout=mock.MagicMock())
    call_command("ensure_periodic_jobs", stdout=mock.MagicMock())  # idempotent: a restarted worker adds nothing
    for task in ALL_JOBS:
        assert waiting(task).count() == 1, task.module_path


def test_a_run_that_raises_still_runs_on_its_next_schedule(settings):
    settings.TASKS = DB_TASKS
    with mock.patch.object(team_tasks, "enqueue_due_reminders", side_effect=[RuntimeError("SMTP en panne"), 3]):
        with pytest.raises(RuntimeError):
            team_tasks.check_reminders_task.call()
        (next_run,) = waiting(team_tasks.check_reminders_task)
        assert next_run.run_after > timezone.now() + timedelta(minutes=59)
        next_run.delete()  # the worker takes it an hour later:
        assert team_tasks.check_reminders_task.call() == 3
    assert waiting(team_tasks.check_reminders_task).count() == 1  # and the one after is queued again


def test_the_weekly_summary_runs_next_monday_at_seven(settings):
    settings.TASKS = DB_TASKS
    with mock.patch("teams.summary.send_weekly_summaries", return_value=0):
        team_tasks.weekly_summary_task.call()
    run_after = timezone.localtime(waiting(team_tasks.weekly_summary_task).get().run_after)
    assert run_after.weekday() == 0 and (run_after.hour, run_after.minute) == (7, 0)


def test_the_admin_page_lists_the_jobs_with_their_last_and_next_run(client, admin_user, settings):
    settings.TASKS = DB_TASKS
    debrief_tasks.purge_old_sessions_task.call()  # a finished run is recorded by the worker: simulate one
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.create(
        task_path=debrief_tasks.purge_old_sessions_task.module_path,
        args_kwargs={"args": [], "kwargs": {}},
        status="SUCCESSFUL",
        finished_at=timezone.now(),
        run_after=timezone.now(),
        backend_name="default",
        queue_name="default",
    )
    client.force_login(admin_user)
    html = client.get(reverse("periodic_jobs")).content.decode()
    for job in periodic.jobs():
        assert escape(str(job.label)) in html
    assert "réussie" in html and "jamais" in html


@pytest.mark.parametrize("role_fixture", ["learner", "trainer", "manager"])
def test_only_administrators_and_lead_trainers_see_the_page(client, request, role_fixture, lead_trainer):
    client.force_login(request.getfixturevalue(role_fixture))
    assert client.get(reverse("periodic_jobs")).status_code in (302, 403)
    client.force_login(lead_trainer)
    assert client.get(reverse("periodic_jobs")).status_code == 200


def test_the_xapi_catch_up_resends_old_unsent_statements_but_not_refused_ones(settings, learner):
    from statements.api import build_statement, store_statement
    from statements.models import Statement

    settings.LRS_ENDPOINT = ""  # store without forwarding
    stored = [
        store_statement(learner, build_statement(learner, "answered", f"http://127.0.0.1/h5p/{n}/", "Quiz"))
        for n in range(3)
    ]
    Statement.objects.filter(pk=stored[1].pk).update(forward_error="HTTP 400: statement invalide")
    Statement.objects.filter(pk=stored[2].pk).update(forward_error="HTTP 503: indisponible")
    assert statement_tasks.catch_up() == 0  # no LRS configured: nothing to do
    settings.LRS_ENDPOINT = "http://127.0.0.1:9/xapi/"
    assert statement_tasks.catch_up() == 0  # just stored: their own retries are still running
    Statement.objects.update(stored_at=timezone.now() - timedelta(hours=2))
    with mock.patch.object(statement_tasks, "forward_statement") as forward:
        assert statement_tasks.catch_up() == 2
    assert sorted(call.args[0] for call in forward.enqueue.call_args_list) == sorted([stored[0].pk, stored[2].pk])
