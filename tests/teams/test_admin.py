import pytest
from django_tasks_db.models import DBTaskResult

from teams.models import Team
from teams.tasks import check_reminders_task
from tests.factories import make_team

pytestmark = pytest.mark.django_db


def test_administrators_manage_teams_and_read_task_results(client, admin_user, manager, settings):
    team = make_team(manager=manager)
    client.force_login(admin_user)
    assert client.get("/admin/equipes/equipes/").status_code == 200
    assert team.name in client.get(f"/admin/equipes/equipes/edit/{team.pk}/").content.decode()
    response = client.post(
        "/admin/equipes/organisations/new/", {"name": "Association Les Tisserands", "city": "Ormelande"}, follow=True
    )
    assert response.status_code == 200
    assert "Association Les Tisserands" in client.get("/admin/equipes/organisations/").content.decode()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "lrs"]}}
    result = check_reminders_task.enqueue()
    assert "check_reminders_task" in client.get("/admin/equipes/taches/").content.decode()
    assert client.get(f"/admin/equipes/taches/inspect/{result.id}/").status_code == 200
    assert client.get("/admin/equipes/taches/new/").status_code in (302, 403)
    assert client.get(f"/admin/equipes/taches/edit/{result.id}/").status_code in (302, 403)
    assert client.get("/admin/equipes/rappels/").status_code == 200
    assert DBTaskResult.objects.count() == 1


def test_managers_do_not_enter_the_admin(client, manager):
    make_team(manager=manager)
    client.force_login(manager)
    assert client.get("/admin/equipes/equipes/").status_code == 403
    assert Team.objects.count() == 1
