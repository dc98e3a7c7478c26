"""The members of a team on their own paginated page (issue 25: a team of 1,000 could no longer be saved in the
admin, its members being thousands of form fields); removals and manager designations are audited."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.models import User
from accounts.permissions import Role, has_role
from teams import audit
from teams.models import Membership
from tests.factories import make_team, make_user

pytestmark = pytest.mark.django_db


def add_many_members(team, count):
    users = User.objects.bulk_create(
        User(email=f"membre{n}@exemple.fr", display_name=f"Membre {n:04d}") for n in range(count)
    )
    users = User.objects.filter(email__startswith="membre")
    Membership.objects.bulk_create(Membership(team=team, user=user) for user in users)


def test_a_team_of_1100_members_is_saved_in_the_admin(client, admin_user, manager):
    team = make_team(manager=manager)
    add_many_members(team, 1100)
    client.force_login(admin_user)
    url = reverse("teams_equipes:edit", args=[team.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"organisation": team.organisation_id, "name": "Accueil / accès", "trainers": []})
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.name == "Accueil / accès" and team.memberships.count() == 1101


def test_the_members_page_paginates_and_searches_in_few_queries(client, manager, django_assert_max_num_queries):
    team = make_team(manager=manager)
    add_many_members(team, 120)
    client.force_login(manager)
    url = reverse("teams:members", args=[team.pk])
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert len(response.context["page_obj"]) == 50 and response.context["page_obj"].paginator.num_pages == 3
    assert "121 personnes" in response.content.decode()
    found = client.get(url, {"q": "Membre 0007"})
    assert [m.user.email for m in found.context["page_obj"]] == ["membre7@exemple.fr"]


def test_a_manager_of_another_team_gets_404(client, manager):
    team = make_team(manager=manager)
    stranger = make_user(Role.MANAGER)
    make_team(name="Autre équipe", manager=stranger)
    client.force_login(stranger)
    assert client.get(reverse("teams:members", args=[team.pk])).status_code == 404


def test_removing_a_member_asks_first_then_is_audited(client, manager, learner):
    team = make_team(manager=manager, members=[learner])
    membership = Membership.objects.get(team=team, user=learner)
    client.force_login(manager)
    url = reverse("teams:remove_member", args=[team.pk, membership.pk])

    page = client.get(url).content.decode()
    assert "Retirer Camille Apprenante de l'équipe Équipe accueil ?" in page
    assert Membership.objects.filter(pk=membership.pk).exists()

    client.post(url)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    entry = ModelLogEntry.objects.get(action=audit.REMOVED)
    assert entry.user_id == manager.pk and entry.data["email"] == learner.email


def test_only_an_administrator_removes_a_manager_or_designates_one(client, manager, admin_user, learner):
    team = make_team(manager=manager)
    manager_membership = Membership.objects.get(team=team, user=manager)
    client.force_login(manager)
    client.post(reverse("teams:remove_member", args=[team.pk, manager_membership.pk]))
    assert Membership.objects.filter(pk=manager_membership.pk).exists()
    assert "Désigner un·e responsable" not in client.get(reverse("teams:members", args=[team.pk])).content.decode()

    client.force_login(admin_user)
    response = client.post(reverse("teams:members", args=[team.pk]), {"email": learner.email})
    assert response.status_code == 302
    assert Membership.objects.filter(team=team, user=learner, role=Membership.Role.MANAGER).exists()
    assert has_role(User.objects.get(pk=learner.pk), Role.MANAGER)
    assert ModelLogEntry.objects.get(action=audit.MANAGER_DESIGNATED).user_id == admin_user.pk
    unknown = client.post(reverse("teams:members", args=[team.pk]), {"email": "personne@nulle-part.fr"})
    assert "Aucun compte actif n&#x27;a cette adresse." in unknown.content.decode()
