"""Nobody joins a team without consenting: imports and invitations only invite existing accounts; an invitation
is answered by the account of the invited address, by a click, never at login; managers act only in their teams."""

import html
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from accounts.models import User
from accounts.permissions import Role
from teams import audit, invitations, personal
from teams.assigning import assign_courses
from teams.models import Invitation
from teams.scope import members
from tests.factories import PASSWORD, make_course, make_lesson, make_practice_session, make_team, make_user

pytestmark = pytest.mark.django_db


def upload(*emails):
    rows = "".join(f"{email};Prénom;Nom\n" for email in emails)
    return SimpleUploadedFile("membres.csv", f"email;prenom;nom\n{rows}".encode(), content_type="text/csv")


@pytest.fixture
def world(db):
    """Organisation A with a learner and the platform admin; organisation B whose manager imports strangers."""
    learner = make_user(Role.LEARNER, display_name="Camille Apprenante", email="camille@ccas-a.fr")
    admin = make_user(Role.ADMIN, display_name="Admin Plateforme", is_staff=True, is_superuser=True)
    team_a = make_team(name="Accueil A", organisation="CCAS A", members=[learner])
    manager_b = make_user(Role.MANAGER, display_name="Bruno Responsable")
    team_b = make_team(name="Équipe B", organisation="Association B", manager=manager_b)
    course = make_course(title="Aller vers")
    make_lesson(course, title="Premiers pas")
    assign_courses(team_b, [course], timezone.localdate() + timedelta(days=30), created_by=manager_b)
    return {"learner": learner, "admin": admin, "team_a": team_a, "manager_b": manager_b, "team_b": team_b}


def _import(client, world, *emails, capture):
    client.force_login(world["manager_b"])
    with capture(execute=True):
        return client.post(reverse("teams:import", args=[world["team_b"].pk]), {"file": upload(*emails)}, follow=True)


def _link(invitation):
    return reverse("teams:invitation", args=[invitations.make_token(invitation)])


def test_import_by_another_organisation_only_invites_existing_accounts(
    client, world, django_capture_on_commit_callbacks
):
    learner, admin, team_b, manager_b = world["learner"], world["admin"], world["team_b"], world["manager_b"]
    response = _import(
        client, world, learner.email, admin.email, "nouveau@exemple.fr", capture=django_capture_on_commit_callbacks
    )
    body = html.unescape(response.content.decode())
    assert "1 personne ajoutée" in body and "2 invitations envoyées" in body and "0 refus" in body
    assert "Camille" not in body and "Admin Plateforme" not in body  # nothing about the existing accounts
    # Neither existing account is a member; each has a pending invitation, e-mailed to them.
    assert set(members(team_b).values_list("email", flat=True)) == {"nouveau@exemple.fr"}
    pending = Invitation.objects.pending().filter(team=team_b)
    assert set(pending.values_list("email", flat=True)) == {learner.email, admin.email}
    assert {learner.email, admin.email, "nouveau@exemple.fr"} <= {m.to[0] for m in mail.outbox}
    # So the manager sees nothing of them.
    course = team_b.assignments.get().course
    for url in (
        reverse("teams:member", args=[team_b.pk, learner.pk]),
        reverse("teams:member_export", args=[team_b.pk, learner.pk, "xlsx"]),
        reverse("teams:member_evidence", args=[team_b.pk, learner.pk, course.pk, "xlsx"]),
        reverse("teams:member", args=[team_b.pk, admin.pk]),
    ):
        assert client.get(url).status_code == 404, url
    # The account created for the team is added, and the manager's decision is in the audit log.
    new = User.objects.get(email="nouveau@exemple.fr")
    entry = ModelLogEntry.objects.get(action=audit.ADDED_NEW_ACCOUNT)
    assert entry.user == manager_b and entry.object_id == str(team_b.pk) and entry.data["member_id"] == new.pk
    assert registry.action_exists(audit.ADDED_NEW_ACCOUNT)


def test_the_learner_accepts_and_becomes_a_member_with_an_audit_entry(
    client, world, django_capture_on_commit_callbacks
):
    learner, team_b = world["learner"], world["team_b"]
    _import(client, world, learner.email, capture=django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get(team=team_b, email=learner.email)
    client.force_login(learner)
    page = html.unescape(client.get(_link(invitation)).content.decode())
    # Who invites, and what the managers will see (never the journal's content).
    assert "Bruno Responsable (Association B) vous invite à rejoindre l'équipe « Équipe B »" in page
    assert "Les dates de vos connexions" in page and "ne voient jamais le contenu de votre journal" in page
    assert learner not in members(team_b)
    assert client.post(_link(invitation), {"decision": "accept"}).status_code == 302
    assert learner in members(team_b)
    entry = ModelLogEntry.objects.get(action=audit.JOINED_BY_INVITATION)
    assert entry.user == learner and entry.object_id == str(team_b.pk)
    assert entry.data["invited_by_id"] == world["manager_b"].pk


def test_a_declined_invitation_never_makes_a_member_and_is_not_asked_again_by_import(
    client, world, django_capture_on_commit_callbacks
):
    learner, team_b = world["learner"], world["team_b"]
    _import(client, world, learner.email, capture=django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get(team=team_b, email=learner.email)
    client.force_login(learner)
    assert client.post(_link(invitation), {"decision": "decline"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.declined_at and not invitation.accepted_at and learner not in members(team_b)
    assert ModelLogEntry.objects.filter(action=audit.DECLINED_INVITATION, user=learner).exists()
    # The link cannot be accepted afterwards.
    response = client.post(_link(invitation), {"decision": "accept"})
    assert response.status_code == 404 and learner not in members(team_b)
    # A second import does not invite again.
    response = _import(client, world, learner.email, capture=django_capture_on_commit_callbacks)
    assert "1 refus" in html.unescape(response.content.decode())
    assert not Invitation.objects.pending().filter(team=team_b).exists() and learner not in members(team_b)
    # The person's invitations (and answers) are in their personal-data export.
    exported = personal.export(learner)["invitations"]
    assert exported[0]["team__name"] == "Équipe B" and exported[0]["declined_at"] is not None


def test_someone_elses_link_is_refused_with_a_clear_page(client, world, other_learner):
    team_b = world["team_b"]
    session = make_practice_session(team_b, opened_by=world["manager_b"], title="Séance de l'équipe B")
    invitation = invitations.create_invitation(team_b, world["learner"].email, invited_by=world["manager_b"])
    client.force_login(other_learner)
    for response in (client.get(_link(invitation)), client.post(_link(invitation), {"decision": "accept"})):
        body = html.unescape(response.content.decode())
        assert response.status_code == 403
        assert world["learner"].email in body and other_learner.email in body and "Me déconnecter" in body
    assert client.post(_link(invitation), {"decision": "decline"}).status_code == 403
    invitation.refresh_from_db()
    assert invitation.accepted_at is None and invitation.declined_at is None
    assert other_learner not in members(team_b)
    assert client.get(reverse("reflections:team_session", args=[session.pk])).status_code == 404
    with pytest.raises(invitations.WrongAccount):
        invitations.accept(invitation, other_learner)
    # The page's logout button comes back to the invitation, signed out.
    response = client.post(reverse("account_logout"), {"next": _link(invitation)})
    assert response.status_code == 302 and response.url.startswith("/equipes/invitation/")


def test_login_with_the_link_in_session_shows_the_invitation_and_does_not_join(client, world):
    learner, team_b = world["learner"], world["team_b"]
    session = make_practice_session(team_b, opened_by=world["manager_b"], title="Séance de l'équipe B")
    invitation = invitations.create_invitation(team_b, learner.email, invited_by=world["manager_b"])
    path = re.search(r"http://\S+(/equipes/invitation/\S+/)", mail.outbox[-1].body).group(1)
    assert client.get(path).status_code == 200  # anonymous: the page remembers itself for after login
    response = client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    assert response.status_code == 302 and response.url == path
    assert learner not in members(team_b)
    assert client.get(reverse("reflections:team_session", args=[session.pk])).status_code == 404
    assert client.get(path).status_code == 200 and learner not in members(team_b)
    client.post(path, {"decision": "accept"})
    assert learner in members(team_b)
    assert client.get(reverse("reflections:team_session", args=[session.pk])).status_code == 200
    invitation.refresh_from_db()
    assert invitation.accepted_by == learner


def test_pending_invitations_show_on_my_space_until_answered(client, world, django_capture_on_commit_callbacks):
    learner, team_b = world["learner"], world["team_b"]
    client.force_login(learner)
    assert "Invitations à rejoindre une équipe" not in html.unescape(client.get(reverse("my_space")).content.decode())
    _import(client, world, learner.email, capture=django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get(team=team_b, email=learner.email)
    client.force_login(learner)
    body = html.unescape(client.get(reverse("my_space")).content.decode())
    assert "Invitations à rejoindre une équipe" in body and "Bruno Responsable (Association B)" in body
    assert "/equipes/invitation/" in body and "Répondre à l'invitation de l'équipe Équipe B" in body
    client.post(_link(invitation), {"decision": "decline"})
    assert "Invitations à rejoindre une équipe" not in html.unescape(client.get(reverse("my_space")).content.decode())


def test_a_manager_imports_and_invites_only_into_teams_they_manage(client, world):
    client.force_login(world["manager_b"])
    team_a = world["team_a"]
    assert client.post(reverse("teams:import", args=[team_a.pk]), {"file": upload("x@exemple.fr")}).status_code == 404
    response = client.post(reverse("teams:invite", args=[team_a.pk]), {"email": "x@exemple.fr"})
    assert response.status_code == 404
    assert not Invitation.objects.filter(team=team_a).exists() and not User.objects.filter(email="x@exemple.fr")


def test_the_invite_message_is_the_same_for_existing_and_new_addresses(client, world):
    client.force_login(world["manager_b"])
    url = reverse("teams:invite", args=[world["team_b"].pk])
    for email in (world["learner"].email, "inconnue@exemple.fr"):
        body = html.unescape(client.post(url, {"email": email}, follow=True).content.decode())
        assert f"Invitation envoyée à {email}." in body
    assert "Camille" not in body
    assert world["learner"] not in members(world["team_b"])
