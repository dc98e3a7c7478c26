import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts import personal_data
from accounts.models import RoleGroup, User
from accounts.permissions import Role, has_role, is_trainer
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_role_groups_exist_after_migrate():
    assert set(RoleGroup.objects.values_list("code", flat=True)) == set(Role)


def test_trainer_groups_may_enter_admin_learners_and_managers_may_not():
    trainer, learner, manager = make_user(Role.TRAINER), make_user(Role.LEARNER), make_user(Role.MANAGER)
    assert trainer.has_perm("wagtailadmin.access_admin")
    assert not learner.has_perm("wagtailadmin.access_admin")
    assert not manager.has_perm("wagtailadmin.access_admin")


def test_lead_trainer_is_also_a_trainer():
    assert is_trainer(make_user(Role.LEAD_TRAINER))
    assert not has_role(make_user(Role.LEARNER), Role.TRAINER)


def test_learner_gets_403_on_admin(client, learner):
    client.force_login(learner)
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "réservé aux formateur·rices" in response.content.decode()


def test_manager_gets_403_on_admin(client, manager):
    client.force_login(manager)
    assert client.get("/admin/").status_code == 403


def test_trainer_reaches_wagtail_admin(client, trainer):
    client.force_login(trainer)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "wagtail" in response.content.decode().lower()


def test_anonymous_admin_redirects_to_allauth_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_staff_without_totp_is_sent_to_mfa_setup_when_required(client, trainer, settings):
    settings.COLLECTIF_REQUIRE_STAFF_MFA = True
    client.force_login(trainer)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_signup_makes_a_learner_with_display_name_and_sends_verification(client, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nouvelle@exemple.test",
            "display_name": "Léa Nouvelle",
            "password1": "un-mot-de-passe-solide",
            "password2": "un-mot-de-passe-solide",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nouvelle@exemple.test")
    assert user.display_name == "Léa Nouvelle"
    assert has_role(user, Role.LEARNER)
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mailoutbox) == 1 and "/comptes/confirm-email/" in mailoutbox[0].body


def test_signup_with_existing_email_keeps_fields_and_explains_in_french(client, learner):
    response = client.post(
        reverse("account_signup"),
        {
            "email": learner.email,
            "display_name": "Quelqu'un",
            "password1": "un-mot-de-passe-solide",
            "password2": "un-mot-de-passe-solide",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Un autre utilisateur utilise déjà cette adresse e-mail." in html
    assert 'value="Quelqu&#x27;un"' in html
    assert "un-mot-de-passe-solide" not in html


def test_signup_with_weak_password_is_explained(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "faible@exemple.test",
            "display_name": "Faible",
            "password1": "123",
            "password2": "123",
        },
    )
    html = response.content.decode()
    assert "Ce mot de passe est trop court" in html
    assert 'value="faible@exemple.test"' in html


def test_signup_errors_in_english_when_ui_is_english(client):
    client.cookies["collectif_language"] = "en"
    response = client.post(
        reverse("account_signup"),
        {
            "email": "faible@exemple.test",
            "display_name": "Weak",
            "password1": "123",
            "password2": "123",
        },
    )
    assert "This password is too short" in response.content.decode()
    assert '<html lang="en">' in response.content.decode()


def test_wrong_password_login_message(client, learner):
    response = client.post(reverse("account_login"), {"login": learner.email, "password": "faux"})
    html = response.content.decode()
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in html
    assert f'value="{learner.email}"' in html


def test_french_is_default_even_when_browser_prefers_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="fr">' in response.content.decode()


def test_language_switch_is_saved_on_the_account(client, learner):
    client.force_login(learner)
    response = client.post(reverse("switch_language"), {"language": "en", "next": "/mon-espace/"})
    assert response.status_code == 302 and response["Location"] == "/mon-espace/"
    learner.refresh_from_db()
    assert learner.preferred_language == "en"
    assert '<html lang="en">' in client.get("/mon-espace/").content.decode()


def test_language_switch_refuses_external_redirect(client):
    response = client.post(reverse("switch_language"), {"language": "en", "next": "https://ailleurs.example/"})
    assert response["Location"] == "/"


def test_profile_update_with_bad_language_shows_error_and_keeps_input(client, learner):
    client.force_login(learner)
    response = client.post(
        reverse("account_profile"),
        {
            "display_name": "Nouveau nom",
            "first_name": "",
            "last_name": "",
            "preferred_language": "xx",
        },
    )
    html = response.content.decode()
    assert "Sélectionnez un choix valide" in html
    assert 'value="Nouveau nom"' in html
    learner.refresh_from_db()
    assert learner.display_name != "Nouveau nom"


def test_data_export_contains_profile(client, learner):
    client.force_login(learner)
    response = client.get(reverse("account_download_data"))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("donnees.json"))
    assert data["sections"]["profil"]["email"] == learner.email


def test_registry_sections_are_exported_and_erased(learner):
    erased = []
    personal_data.register(
        "essai",
        lambda user: {"n": 1},
        files=lambda user: [("a.txt", "bonjour")],
        erase=lambda user: erased.append(user.pk),
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(personal_data.build_export_zip(learner)))
        assert archive.read("essai/a.txt") == b"bonjour"
        pk = learner.pk
        personal_data.delete_account(learner)
        assert erased == [pk]
        assert not User.objects.filter(pk=pk).exists()
    finally:
        personal_data._sections.pop("essai")


def test_delete_account_needs_the_right_confirmation(client, learner):
    client.force_login(learner)
    response = client.post(reverse("account_delete"), {"confirmation": "pas-moi@exemple.test", "secret": PASSWORD})
    assert "ne correspond pas" in response.content.decode()
    assert User.objects.filter(pk=learner.pk).exists()
    response = client.post(reverse("account_delete"), {"confirmation": learner.email.upper(), "secret": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=learner.pk).exists()


def test_csp_and_security_headers(client):
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_error_pages_are_french(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_login_is_rate_limited(client, settings, learner):
    from django.core.cache import cache

    cache.clear()
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/m/ip"}
    statuses = [
        client.post(reverse("account_login"), {"login": learner.email, "password": "faux"}).status_code
        for _ in range(5)
    ]
    assert 429 in statuses or any(
        "Trop de tentatives"
        in client.post(reverse("account_login"), {"login": learner.email, "password": "x"}).content.decode()
        for _ in range(1)
    )
