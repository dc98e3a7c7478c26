"""Team data leaving the platform is audited: every export a manager downloads leaves an entry on the team,
readable by administrators in the site history (issue 24)."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.permissions import Role
from teams import audit
from tests.factories import make_team, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_and_people():
    manager = make_user(Role.MANAGER, email="responsable@exemple.fr")
    learner = make_user(email="membre@exemple.fr")
    return make_team(manager=manager, members=[learner]), manager, learner


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_follow_up_table_export_is_audited(client, team_and_people, fmt):
    team, manager, _learner = team_and_people
    client.force_login(manager)
    assert client.get(reverse("teams:matrix_export", args=[team.pk, fmt])).status_code == 200
    entry = ModelLogEntry.objects.get(action=audit.DATA_EXPORTED)
    assert entry.user_id == manager.pk and entry.object_id == str(team.pk)
    assert entry.data == {"export": "matrix", "format": fmt}
    assert entry.message == f"Export {fmt.upper()} : tableau de suivi de l'équipe"


def test_a_members_record_export_names_the_member(client, team_and_people):
    team, manager, learner = team_and_people
    client.force_login(manager)
    assert client.get(reverse("teams:member_export", args=[team.pk, learner.pk, "csv"])).status_code == 200
    entry = ModelLogEntry.objects.get(action=audit.DATA_EXPORTED)
    assert entry.data["email"] == "membre@exemple.fr"
    assert "parcours d'un·e membre de membre@exemple.fr" in entry.message


def test_a_refused_export_leaves_no_entry(client, team_and_people):
    team, _manager, _learner = team_and_people
    client.force_login(make_user(Role.MANAGER, email="autre@exemple.fr"))
    assert client.get(reverse("teams:matrix_export", args=[team.pk, "csv"])).status_code == 404
    assert not ModelLogEntry.objects.filter(action=audit.DATA_EXPORTED).exists()
