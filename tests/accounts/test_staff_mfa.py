"""Production settings: every staff view needs TOTP, enrolled through allauth's own pages, and asked at login."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.urls import reverse

from accounts.permissions import Role
from tests.factories import PASSWORD, make_case, make_team, make_user

pytestmark = pytest.mark.django_db


def totp_code(secret):
    """The code an authenticator app shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


@pytest.fixture
def mfa_required(settings):
    settings.COLLECTIF_REQUIRE_STAFF_MFA = True
    settings.MFA_TOTP_TOLERANCE = 1  # a code computed just before a period ends is still good a moment later


def sent_to_activation(response):
    return response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


def log_in(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def test_trainer_enrols_totp_then_must_give_it_at_each_login(client, lead_trainer, mfa_required):
    trainer = lead_trainer  # a trainer who reads every report, whatever the scope rules
    case = make_case()
    staff_pages = [reverse("cases:report", args=[case.pk]), reverse("my_space"), "/admin/", "/"]
    log_in(client, trainer)
    for url in staff_pages:
        response = client.get(url)
        assert sent_to_activation(response), url
    # allauth asks for the password again before any MFA change; that page is open too.
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("account_reauthenticate"))
    assert "activez la double authentification" in client.get(page["Location"]).content.decode()
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200

    secret = client.session[SECRET_SESSION_KEY]
    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000" if totp_code(secret) != "000000" else "1"})
    assert wrong.status_code == 200 and not Authenticator.objects.filter(user=trainer).exists()
    client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert Authenticator.objects.filter(user=trainer, type=Authenticator.Type.TOTP).exists()
    for url in staff_pages:
        assert client.get(url).status_code == 200, url

    client.post(reverse("account_logout"))
    response = log_in(client, trainer)
    assert response["Location"] == reverse("mfa_authenticate")
    # Password alone is not a session: the report still asks to log in.
    report = client.get(staff_pages[0])
    assert report.status_code == 302 and report["Location"].startswith(reverse("account_login"))
    assert client.post(reverse("mfa_authenticate"), {"code": "123"}).status_code == 200
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get(staff_pages[0]).status_code == 200


@pytest.mark.parametrize("role", [Role.TRAINER, Role.LEAD_TRAINER, Role.MANAGER, Role.ADMIN])
def test_every_staff_role_is_sent_to_activation_from_every_page(client, mfa_required, role):
    user = make_user(role)
    team = make_team(manager=user)
    case = make_case()
    client.force_login(user)
    urls = [
        reverse("teams:dashboard", args=[team.pk]),
        reverse("cases:report", args=[case.pk]),
        reverse("account_profile"),
        reverse("account_delete"),
        "/",
    ]
    for url in urls:
        assert sent_to_activation(client.get(url)), url
    admin = client.get("/admin/")
    assert admin.status_code == 403 if role == Role.MANAGER else sent_to_activation(admin)


def test_pages_needed_to_enrol_or_leave_stay_open(client, manager, mfa_required):
    client.force_login(manager)
    for url in (reverse("mfa_index"), reverse("account_reauthenticate"), reverse("account_email"), reverse("health")):
        assert client.get(url).status_code == 200, url
    switched = client.post(reverse("switch_language"), {"language": "en", "next": "/"})
    assert switched.status_code == 302 and switched["Location"] == "/"
    assert client.post(reverse("account_logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_learners_are_never_asked(client, learner, mfa_required):
    client.force_login(learner)
    assert client.get(reverse("my_space")).status_code == 200
    assert client.get(reverse("account_profile")).status_code == 200


def test_without_the_production_setting_nobody_is_redirected(client, manager):
    team = make_team(manager=manager)
    client.force_login(manager)
    assert client.get(reverse("teams:dashboard", args=[team.pk])).status_code == 200
