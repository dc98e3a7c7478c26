import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import User
from teams import csv_import, invitations
from teams.models import Invitation
from teams.scope import members
from tests.factories import make_team, make_user

pytestmark = pytest.mark.django_db


def upload(text, name="membres.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_every_row_is_validated_and_errors_name_row_and_column():
    text = (
        "email;prenom;nom\n"
        "a@exemple.fr;Ana;Alves\n"
        "pas-une-adresse;Bob;Bernard\n"
        "a@exemple.fr;Ana;Encore\n"
        "c@exemple.fr;;Chen\n"
    )
    result = csv_import.parse(upload(text))
    found = {(e.row, e.column) for e in result.errors}
    assert found == {(3, "email"), (4, "email"), (5, "prenom")}
    assert not result.ok


def test_missing_columns_and_oversized_file():
    assert csv_import.parse(upload("email,nom\na@b.fr,X\n")).errors[0].column == "prenom"
    big = upload("email,prenom,nom\n" + "x" * (csv_import.MAX_BYTES + 1))
    assert "512 Ko" in csv_import.parse(big).errors[0].message


def test_import_view_is_all_or_nothing(client, manager, django_capture_on_commit_callbacks):
    team = make_team(manager=manager)
    client.force_login(manager)
    url = reverse("teams:import", args=[team.pk])
    bad = "email,prenom,nom\nun@exemple.fr,Un,Premier\nmauvais,Deux,Second\n"
    response = client.post(url, {"file": upload(bad)})
    assert response.status_code == 200
    assert "Aucune personne n&#x27;a été importée" in response.content.decode()
    assert "Adresse e-mail invalide" in response.content.decode()
    assert members(team).count() == 0 and not User.objects.filter(email="un@exemple.fr").exists()
    good = "email,prenom,nom\nun@exemple.fr,Un,Premier\ndeux@exemple.fr,Deux,Second\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"file": upload(good)})
    assert response.status_code == 302
    assert set(members(team).values_list("email", flat=True)) == {"un@exemple.fr", "deux@exemple.fr"}
    assert {m.to[0] for m in mail.outbox} == {"un@exemple.fr", "deux@exemple.fr"}  # welcome e-mails


def test_invitation_signup_flow_joins_team_once_after_a_click(client, manager):
    team = make_team(manager=manager)
    invitation = invitations.create_invitation(team, "nouvelle@exemple.fr", invited_by=manager)
    link = re.search(r"http://\S+/equipes/invitation/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("127.0.0.1:8000")[-1]
    response = client.get(path)
    assert response.status_code == 200 and "Créer mon compte" in response.content.decode()
    # Sign-up from the invitation is pre-filled with the invited address.
    signup = client.get(response.context["signup_url"])
    assert signup.context["form"]["email"].value() == "nouvelle@exemple.fr"
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nouvelle@exemple.fr",
            "display_name": "Nouvelle",
            "password1": "une-phrase-solide-42",
            "password2": "une-phrase-solide-42",
        },
    )
    assert response.status_code == 302
    confirm = re.search(r"http://\S+/comptes/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    response = client.post(confirm.split("127.0.0.1:8000")[-1])
    # Confirmed and logged in: back on the invitation page, not yet a member.
    assert response.status_code == 302 and response.url == path
    user = User.objects.get(email="nouvelle@exemple.fr")
    assert user not in members(team)
    assert 'value="accept"' in client.get(path).content.decode()
    assert client.post(path, {"decision": "accept"}).status_code == 302
    assert user in members(team)
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    # The same link a second time: a clear message, no second membership.
    other = make_user()
    client.force_login(other)
    response = client.post(path, {"decision": "accept"})
    assert response.status_code == 404 and "déjà été acceptée" in response.content.decode()
    assert other not in members(team)


def test_logged_in_user_accepts_and_bad_tokens_are_explained(client, manager, learner):
    team = make_team(manager=manager)
    invitation = invitations.create_invitation(team, learner.email, invited_by=manager)
    client.force_login(learner)
    url = reverse("teams:invitation", args=[invitations.make_token(invitation)])
    assert client.post(url).status_code == 400  # no decision, no change
    assert learner not in members(team)
    assert client.post(url, {"decision": "accept"}).status_code == 302
    assert learner in members(team)
    response = client.get(reverse("teams:invitation", args=["nimporte-quoi"]))
    assert response.status_code == 404 and "pas valide" in response.content.decode()


def test_expired_invitation(client, manager, learner, settings):
    from datetime import timedelta
    from unittest import mock

    from django.utils import timezone

    team = make_team(manager=manager)
    invitation = invitations.create_invitation(team, learner.email)
    token = invitations.make_token(invitation)
    later = timezone.now() + timedelta(days=15)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        mock.patch("time.time", return_value=later.timestamp()),
    ):
        response = client.get(reverse("teams:invitation", args=[token]))
    assert response.status_code == 404 and "expiré" in response.content.decode()
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is None


def test_email_subjects_are_plain_text(manager):
    team = make_team(name="L'Escale", manager=manager)
    invitations.create_invitation(team, "x@exemple.fr")
    assert mail.outbox[-1].subject == "[Collectif] Invitation à rejoindre l'équipe L'Escale"
