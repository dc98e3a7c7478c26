"""A person imported by a team's CSV file needs one e-mail, not three: its link sets the password, confirms the
address and logs in, once."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts import welcome_link
from accounts.models import User
from tests.factories import make_team

pytestmark = pytest.mark.django_db

PASSWORD = "une-phrase-solide-42"


def import_one(client, manager, callbacks):
    team = make_team(manager=manager, name="Équipe du Nord")
    client.force_login(manager)
    csv = SimpleUploadedFile("membres.csv", b"email,prenom,nom\nnoa@exemple.fr,Noa,Martin\n", content_type="text/csv")
    with callbacks(execute=True):
        response = client.post(reverse("teams:import", args=[team.pk]), {"file": csv})
    assert response.status_code == 302
    client.logout()
    return User.objects.get(email="noa@exemple.fr")


def link_path(message):
    url = re.search(r"http://\S+/compte/bienvenue/\S+/", message.body).group(0)
    return url.split("127.0.0.1:8000")[-1]


def choose(client, path, password=PASSWORD):
    return client.post(path, {"new_password1": password, "new_password2": password})


def test_import_sends_exactly_one_email_whose_link_sets_the_password_verifies_and_logs_in(
    client, manager, django_capture_on_commit_callbacks
):
    user = import_one(client, manager, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["noa@exemple.fr"]]
    message = mail.outbox[0]
    assert "Équipe du Nord" in message.subject
    assert "confirme aussi votre adresse e-mail" in message.body
    path = link_path(message)

    page = client.get(path)
    assert page.status_code == 200 and "Choisir mon mot de passe" in page.content.decode()
    response = choose(client, path)
    assert response.status_code == 302 and response.url == reverse("my_space")
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    address = EmailAddress.objects.get(user=user)
    assert address.email == "noa@exemple.fr" and address.verified and address.primary
    assert int(client.session[SESSION_KEY]) == user.pk
    assert client.get(reverse("my_space")).status_code == 200
    assert len(mail.outbox) == 1  # no verification e-mail, no reset e-mail

    # Logging out and in again with the password needs nothing more.
    client.logout()
    response = client.post(reverse("account_login"), {"login": "noa@exemple.fr", "password": PASSWORD})
    assert response.status_code == 302 and int(client.session[SESSION_KEY]) == user.pk
    assert len(mail.outbox) == 1


def test_a_used_link_is_refused_with_a_way_to_ask_for_a_new_one(client, manager, django_capture_on_commit_callbacks):
    user = import_one(client, manager, django_capture_on_commit_callbacks)
    path = link_path(mail.outbox[0])
    choose(client, path)
    client.logout()
    for response in (client.get(path), choose(client, path, "un-autre-mot-de-passe-99")):
        html = response.content.decode()
        assert response.status_code == 200 and "Ce lien ne fonctionne plus" in html
        assert reverse("account_reset_password") in html and "Recevoir un nouveau lien" in html
    user.refresh_from_db()
    assert user.check_password(PASSWORD) and SESSION_KEY not in client.session


def test_an_expired_or_forged_link_is_refused(client, manager, django_capture_on_commit_callbacks, monkeypatch):
    user = import_one(client, manager, django_capture_on_commit_callbacks)
    path = link_path(mail.outbox[0])
    assert "Ce lien ne fonctionne plus" in client.get(path[:-5] + "AAAA/").content.decode()
    monkeypatch.setattr(welcome_link, "MAX_AGE", -1)
    assert "Ce lien ne fonctionne plus" in client.get(path).content.decode()
    assert not User.objects.get(pk=user.pk).has_usable_password()


def test_password_validators_apply_and_the_link_keeps_working_until_a_valid_choice(
    client, manager, django_capture_on_commit_callbacks
):
    user = import_one(client, manager, django_capture_on_commit_callbacks)
    path = link_path(mail.outbox[0])
    response = choose(client, path, "1234")
    assert response.status_code == 200 and response.context["form"].errors
    user.refresh_from_db()
    assert not user.has_usable_password() and not EmailAddress.objects.filter(user=user, verified=True).exists()
    assert choose(client, path).status_code == 302


def test_a_link_stops_working_once_the_person_has_logged_in_another_way(client, learner):
    path = welcome_link.welcome_path(learner)
    assert "Choisir mon mot de passe" in client.get(path).content.decode()
    client.force_login(learner)  # sets last_login
    client.logout()
    assert "Ce lien ne fonctionne plus" in client.get(path).content.decode()


def test_login_goes_through_allauth_so_a_second_factor_is_still_asked(client, learner):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=learner, type=Authenticator.Type.TOTP, data={"secret": "x"})
    response = choose(client, welcome_link.welcome_path(learner))
    assert response.status_code == 302 and response.url == reverse("mfa_authenticate")
    assert SESSION_KEY not in client.session
    learner.refresh_from_db()
    assert learner.check_password(PASSWORD)


def test_after_an_expired_link_the_normal_password_reset_also_confirms_the_address(
    client, manager, django_capture_on_commit_callbacks
):
    """The way out offered on an expired link: one reset e-mail, then login needs no verification e-mail."""
    user = import_one(client, manager, django_capture_on_commit_callbacks)
    client.post(reverse("account_reset_password"), {"email": "noa@exemple.fr"})
    assert [m.to for m in mail.outbox] == [["noa@exemple.fr"], ["noa@exemple.fr"]]
    key_url = re.search(r"http://\S+/comptes/password/reset/key/\S+/", mail.outbox[-1].body).group(0)
    form_url = client.get(key_url.split("127.0.0.1:8000")[-1])["Location"]
    response = client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    sent = len(mail.outbox)
    response = client.post(reverse("account_login"), {"login": "noa@exemple.fr", "password": PASSWORD})
    assert response.status_code == 302 and int(client.session[SESSION_KEY]) == user.pk
    assert all("confirm" not in m.subject.lower() for m in mail.outbox[sent:])
