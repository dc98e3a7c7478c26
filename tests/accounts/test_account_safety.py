"""Deleting an account needs the password (or a TOTP code); password reset does not tell who has an account."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def delete(client, user, secret):
    return client.post(reverse("account_delete"), {"confirmation": user.email, "secret": secret})


def test_deletion_with_a_wrong_password_deletes_nothing_and_says_why(client, learner):
    client.force_login(learner)
    response = delete(client, learner, "pas-le-bon-mot-de-passe")
    assert response.status_code == 200
    assert "Mot de passe (ou code de double authentification) incorrect" in response.content.decode()
    assert User.objects.filter(pk=learner.pk).exists()
    missing = client.post(reverse("account_delete"), {"confirmation": learner.email})
    assert missing.status_code == 200 and User.objects.filter(pk=learner.pk).exists()


def test_deletion_with_the_password_deletes_the_account(client, learner):
    client.force_login(learner)
    assert delete(client, learner, PASSWORD).status_code == 302
    assert not User.objects.filter(pk=learner.pk).exists()


def test_an_account_with_totp_may_confirm_with_a_current_code(client, trainer, settings):
    settings.MFA_TOTP_TOLERANCE = 1
    secret = generate_totp_secret()
    TOTP.activate(trainer, secret)
    client.force_login(trainer)
    old_code = format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD - 5))
    assert delete(client, trainer, old_code).status_code == 200
    assert User.objects.filter(pk=trainer.pk).exists()
    code = format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))
    assert delete(client, trainer, code).status_code == 302
    assert not User.objects.filter(pk=trainer.pk).exists()


def test_a_totp_code_is_refused_for_an_account_without_totp(client, learner):
    client.force_login(learner)
    assert delete(client, learner, "123456").status_code == 200
    assert User.objects.filter(pk=learner.pk).exists()


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, learner, mailoutbox):
    url = reverse("account_reset_password")
    known = client.post(url, {"email": learner.email})
    unknown = client.post(url, {"email": "personne-inconnue@exemple.test"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("account_reset_password_done")
    # Only the existing account gets an e-mail; a stranger's address gets nothing from us.
    assert [message.to for message in mailoutbox] == [[learner.email]]
    assert "/comptes/password/reset/key/" in mailoutbox[0].body


def test_password_reset_still_checks_the_address_format(client):
    response = client.post(reverse("account_reset_password"), {"email": "pas-une-adresse"})
    assert response.status_code == 200


def test_guessing_the_password_at_deletion_is_rate_limited(client, learner, settings):
    settings.ACCOUNT_RATE_LIMITS = {"reauthenticate": "3/m/user"}
    client.force_login(learner)
    for _ in range(3):
        assert "incorrect" in delete(client, learner, "essai").content.decode()
    response = delete(client, learner, PASSWORD)
    assert "Trop d&#x27;essais" in response.content.decode()
    assert User.objects.filter(pk=learner.pk).exists()
