"""A team's manager sets the diploma the team prepares (no longer only in the admin): members who chose none read
its competence titles at once, on the course page, the catalogue cards and the team dashboard."""

import html

import pytest
from django.urls import reverse

from accounts.permissions import Role
from core.models import CompetenceDomain, Framework
from tests.factories import make_course, make_lesson, make_team, make_user

pytestmark = pytest.mark.django_db

DEES_DC1 = "La relation éducative spécialisée"


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def team(manager):
    return make_team(manager=manager, members=[make_user(display_name="Sam Membre")])


def test_manager_sets_the_team_diploma_and_members_read_its_titles_at_once(client, manager, team):
    course = make_course(title="Module DC1", domains=[CompetenceDomain.objects.get(code="DC1")])
    make_lesson(course)
    member = team.member_users().get()
    client.force_login(member)
    assert DEES_DC1 not in text(client.get("/formations/"))  # cards cached for readers without a diploma

    client.force_login(manager)
    members_page = text(client.get(reverse("teams:members", args=[team.pk])))
    assert "Diplôme préparé par l'équipe" in members_page
    response = client.post(
        reverse("teams:diploma", args=[team.pk]), {"diploma": Framework.objects.get(code="DEES").pk}, follow=True
    )
    assert "Le diplôme de l'équipe est enregistré." in text(response)
    team.refresh_from_db()
    assert team.diploma.code == "DEES"

    client.force_login(member)
    assert f'title="{DEES_DC1}"' in text(client.get("/formations/"))
    assert f"DC1 · {DEES_DC1}" in text(client.get(course.url))


def test_an_unknown_diploma_is_refused_and_nothing_changes(client, manager, team):
    client.force_login(manager)
    response = client.post(reverse("teams:diploma", args=[team.pk]), {"diploma": 999999}, follow=True)
    assert "Choisissez un diplôme de la liste, ou aucun." in text(response)
    team.refresh_from_db()
    assert team.diploma is None


def test_only_the_team_managers_set_it(client, team):
    url = reverse("teams:diploma", args=[team.pk])
    dees = Framework.objects.get(code="DEES").pk
    client.force_login(make_user(Role.MANAGER, display_name="Autre responsable"))
    assert client.post(url, {"diploma": dees}).status_code == 404
    client.force_login(team.member_users().get())
    assert client.post(url, {"diploma": dees}).status_code == 403
    team.refresh_from_db()
    assert team.diploma is None
