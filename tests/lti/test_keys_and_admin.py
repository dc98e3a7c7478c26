"""The tool's key pair and JWKS endpoint, and the platform registration in the Wagtail admin."""

import pytest
from django.urls import reverse

from accounts.permissions import Role
from lti.keys import tool_key
from lti.models import Platform, ToolKey
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_jwks_publishes_the_public_key_only_and_keeps_it(client):
    first = client.get("/lti/jwks/").json()
    second = client.get("/lti/jwks/").json()

    assert first == second and len(first["keys"]) == 1
    key = first["keys"][0]
    assert key["kty"] == "RSA" and key["alg"] == "RS256" and key["use"] == "sig"
    assert key["kid"] == tool_key().kid
    assert not {"d", "p", "q", "dp", "dq", "qi"} & set(key)
    assert ToolKey.objects.count() == 1
    assert "PRIVATE" not in client.get("/lti/jwks/").content.decode()


def registration_form():
    return {
        "name": "Moodle du département",
        "issuer": "https://moodle.example.org",
        "client_id": "abc123",
        "deployment_ids": "1\n2",
        "auth_login_url": "https://moodle.example.org/mod/lti/auth.php",
        "auth_token_url": "https://moodle.example.org/mod/lti/token.php",
        "key_set_url": "https://moodle.example.org/mod/lti/certs.php",
    }


def test_an_administrator_registers_a_platform(client):
    client.force_login(make_user(Role.ADMIN))
    response = client.post(reverse("lti_plateformes:add"), registration_form())

    assert response.status_code == 302
    platform = Platform.objects.get()
    assert platform.deployment_id_list() == ["1", "2"]
    assert platform.origins() == ["https://moodle.example.org"]
    assert client.get(reverse("lti_plateformes:index")).status_code == 200


def test_a_trainer_cannot_register_a_platform(client):
    client.force_login(make_user(Role.TRAINER))
    response = client.post(reverse("lti_plateformes:add"), registration_form())
    assert response.status_code in (302, 403)
    assert not Platform.objects.exists()


def test_deployment_ids_are_required(client):
    client.force_login(make_user(Role.ADMIN))
    response = client.post(reverse("lti_plateformes:add"), {**registration_form(), "deployment_ids": "  \n "})
    assert response.status_code == 200
    assert not Platform.objects.exists()
