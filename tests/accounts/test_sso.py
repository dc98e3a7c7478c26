"""Single sign-on through a real OpenID Connect provider on the loopback (tests/oidc_kit.py), driven with
Django's test client: who a provider's login becomes, and the rule that an e-mail alone never opens an account."""

import json
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import httpx
import jwt
import pytest
import requests
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse

from accounts.oidc_provider import NONCE_STATE_KEY, userinfo_jwt_as_json
from accounts.permissions import Role, has_role
from accounts.social_adapter import PENDING_LINK, nonce_matches
from collectif.settings.oidc import oidc_apps, provider_origins, socialaccount_providers
from tests.factories import PASSWORD, make_user
from tests.oidc_kit import PROVIDER_ID, provider_settings, running_provider, set_identity

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def oidc_server():
    with running_provider() as url:
        yield url


@pytest.fixture
def sso(oidc_server):
    with provider_settings(oidc_server):
        yield oidc_server


def sso_login(client, server_url, sub, **claims):
    """Click « Se connecter avec … », sign in at the provider as `sub`, come back: the response of the callback."""
    set_identity(server_url, sub, **claims)
    start = client.post(reverse("openid_connect_login", kwargs={"provider_id": PROVIDER_ID}))
    assert start.status_code == 302 and start["Location"].startswith(server_url), start
    at_provider = httpx.post(start["Location"], data={"sub": sub})
    assert at_provider.status_code == 302, at_provider.text
    back = urlsplit(at_provider.headers["location"])
    return client.get(f"{back.path}?{back.query}")


def logged_in_user(client):
    response = client.get(reverse("account_profile"))
    return response.context["user"] if response.status_code == 200 else None


def test_login_page_shows_one_button_per_provider(client, sso):
    response = client.get(reverse("account_login"))
    assert "Se connecter avec Annuaire de test" in response.text
    assert reverse("openid_connect_login", kwargs={"provider_id": PROVIDER_ID}) in response.text


def test_login_page_without_providers_has_no_sso_section(client):
    with override_settings(SOCIALACCOUNT_PROVIDERS={"openid_connect": {"APPS": []}}):
        response = client.get(reverse("account_login"))
    assert response.status_code == 200
    assert "Se connecter avec" not in response.text


def test_first_login_creates_a_learner_and_the_second_reuses_it(client, sso):
    claims = {"email": "Nora@Exemple.test", "email_verified": True, "given_name": "Nora", "family_name": "Benali"}
    response = sso_login(client, sso, "nora-1", **claims)
    assert response.status_code == 302
    user = logged_in_user(client)
    assert user is not None and user.email == "nora@exemple.test"
    assert has_role(user, Role.LEARNER) and not has_role(user, Role.TRAINER)
    assert user.display_name == "Nora Benali"
    assert not user.has_usable_password()
    assert SocialAccount.objects.get(user=user).uid == "nora-1"

    client.post(reverse("account_logout"))
    assert logged_in_user(client) is None
    sso_login(client, sso, "nora-1", **claims)
    assert logged_in_user(client) == user
    assert SocialAccount.objects.count() == 1


def test_existing_account_with_verified_email_is_linked_only_after_the_owner_confirms(client, sso):
    owner = make_user(email="ines@exemple.test")
    response = sso_login(client, sso, "ines-idp", email="ines@exemple.test", email_verified=True)

    # Not logged in, nothing linked: the person is asked to prove the account is theirs.
    assert response.status_code == 302 and response["Location"] == reverse("account_sso_link")
    assert logged_in_user(client) is None
    assert not SocialAccount.objects.exists()
    page = client.get(reverse("account_sso_link"))
    assert "Me connecter avec mon mot de passe" in page.text
    assert "Relier mon compte" not in page.text
    # Posting « relier » without signing in links nothing.
    client.post(reverse("account_sso_link"), {"confirm": ""})
    assert not SocialAccount.objects.exists()

    # The usual login (password), then an explicit yes.
    client.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})
    page = client.get(reverse("account_sso_link"))
    assert "Relier mon compte à Annuaire de test" in page.text
    response = client.post(reverse("account_sso_link"), {"confirm": ""})
    assert response.status_code == 302
    assert SocialAccount.objects.get(uid="ines-idp").user == owner
    assert PENDING_LINK not in client.session

    # From now on the provider logs her in to her own account.
    client.post(reverse("account_logout"))
    sso_login(client, sso, "ines-idp", email="ines@exemple.test", email_verified=True)
    assert logged_in_user(client) == owner


def test_owner_may_refuse_the_link(client, sso):
    owner = make_user(email="paul@exemple.test")
    sso_login(client, sso, "paul-idp", email="paul@exemple.test", email_verified=True)
    client.force_login(owner)
    client.post(reverse("account_sso_link"), {"cancel": ""})
    assert not SocialAccount.objects.exists()
    assert PENDING_LINK not in client.session


def test_someone_else_signed_in_cannot_confirm_the_link(client, sso):
    make_user(email="owner@exemple.test")
    intruder = make_user(email="intruder@exemple.test")
    client.force_login(intruder)
    sso_login(client, sso, "owner-idp", email="owner@exemple.test", email_verified=True)
    client.force_login(intruder)
    page = client.get(reverse("account_sso_link"))
    assert "Relier mon compte" not in page.text
    client.post(reverse("account_sso_link"), {"confirm": ""})
    assert not SocialAccount.objects.exists()


def test_unverified_email_of_an_existing_account_links_nothing_and_creates_nothing(client, sso):
    make_user(email="marc@exemple.test")
    response = sso_login(client, sso, "marc-idp", email="marc@exemple.test", email_verified=False)
    assert response.status_code == 302 and response["Location"] == reverse("account_login")
    assert logged_in_user(client) is None
    assert not SocialAccount.objects.exists()
    assert PENDING_LINK not in client.session
    from accounts.models import User

    assert User.objects.filter(email__iexact="marc@exemple.test").count() == 1


def test_a_provider_that_vouches_for_its_addresses_still_needs_the_owner_to_confirm(client, oidc_server):
    make_user(email="agent@administration.test")
    with provider_settings(oidc_server, verified_email=["administration.test"]):
        response = sso_login(client, oidc_server, "agent-pc", email="agent@administration.test")
    assert response["Location"] == reverse("account_sso_link")
    assert logged_in_user(client) is None and not SocialAccount.objects.exists()


def test_required_acr_is_checked_on_the_id_token(client, oidc_server):
    with provider_settings(oidc_server, acr_values=["eidas1"]):
        start = client.post(reverse("openid_connect_login", kwargs={"provider_id": PROVIDER_ID}))
        assert "acr_values=eidas1" in start["Location"]
        sso_login(client, oidc_server, "weak", email="weak@exemple.test", email_verified=True)
        assert logged_in_user(client) is None
        assert not SocialAccount.objects.exists()

        sso_login(client, oidc_server, "strong", email="strong@exemple.test", email_verified=True, acr="eidas1")
        assert logged_in_user(client) is not None


@override_settings(COLLECTIF_REQUIRE_STAFF_MFA=True)
def test_staff_without_totp_are_sent_to_enrol_after_sso(client, sso):
    trainer = make_user(Role.TRAINER, email="trainer@exemple.test")
    SocialAccount.objects.create(user=trainer, provider=PROVIDER_ID, uid="trainer-idp")
    sso_login(client, sso, "trainer-idp", email="trainer@exemple.test", email_verified=True)
    response = client.get(reverse("my_space"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


def test_staff_with_totp_must_give_a_code_after_sso(client, sso):
    trainer = make_user(Role.TRAINER, email="trainer2@exemple.test")
    SocialAccount.objects.create(user=trainer, provider=PROVIDER_ID, uid="trainer2-idp")
    Authenticator.objects.create(user=trainer, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    response = sso_login(client, sso, "trainer2-idp", email="trainer2@exemple.test", email_verified=True)
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    assert logged_in_user(client) is None


def test_each_login_sends_a_fresh_nonce_that_the_id_token_must_carry(client, sso):
    first = client.post(reverse("openid_connect_login", kwargs={"provider_id": PROVIDER_ID}))["Location"]
    second = client.post(reverse("openid_connect_login", kwargs={"provider_id": PROVIDER_ID}))["Location"]
    nonces = [parse_qs(urlsplit(url).query)["nonce"][0] for url in (first, second)]
    assert len(nonces[0]) >= 32 and nonces[0] != nonces[1]


def test_an_id_token_with_another_nonce_is_refused():
    login = SimpleNamespace(
        state={NONCE_STATE_KEY: "attendu"}, account=SimpleNamespace(extra_data={"id_token": {"nonce": "rejoué"}})
    )
    assert not nonce_matches(login)
    login.account.extra_data["id_token"]["nonce"] = "attendu"
    assert nonce_matches(login)


def test_a_userinfo_answer_given_as_a_jwt_is_read_as_json():
    claims = {"sub": "abc", "email": "agent@exemple.test", "given_name": "Agent", "usual_name": "Public", "siret": "1"}
    response = requests.Response()
    response.status_code = 200
    response.headers["Content-Type"] = "application/jwt; charset=utf-8"
    response._content = jwt.encode(claims, "clef-de-test-suffisamment-longue-32o", algorithm="HS256").encode()
    assert userinfo_jwt_as_json(response).json() == claims
    # JSON answers are left as they are.
    plain = requests.Response()
    plain.status_code = 200
    plain.headers["Content-Type"] = "application/json"
    plain._content = b'{"sub": "x"}'
    assert userinfo_jwt_as_json(plain).json() == {"sub": "x"}


# --- OIDC_PROVIDERS parsing ------------------------------------------------------------------------------


def provider(**overrides):
    entry = {"id": "proconnect", "name": "ProConnect", "server_url": "https://idp.exemple.test", "client_id": "c"}
    entry.update(overrides)
    return entry


def test_no_providers_when_the_variable_is_empty():
    assert oidc_apps("") == [] and oidc_apps("  ") == []


def test_a_provider_becomes_an_allauth_app_with_its_scopes_and_acr():
    scopes = "email given_name usual_name siret"
    raw = json.dumps([provider(secret_env="PC_SECRET", scopes=scopes, acr_values="eidas1")])
    (app,) = oidc_apps(raw, {"PC_SECRET": "s3cret"})
    assert app["provider_id"] == "proconnect" and app["name"] == "ProConnect" and app["secret"] == "s3cret"
    assert app["settings"]["server_url"] == "https://idp.exemple.test"
    assert app["settings"]["scope"] == ["openid", "email", "given_name", "usual_name", "siret"]
    assert app["settings"]["auth_params"] == {"acr_values": "eidas1"}
    assert app["settings"]["required_acr"] == ["eidas1"]


@pytest.mark.parametrize(
    "entries",
    [
        "not json",
        json.dumps({"providers": 1, "id": "x"}),
        json.dumps([provider(secret="s", server_url="http://idp.exemple.test")]),  # plain http off the loopback
        json.dumps([provider()]),  # no secret
        json.dumps([provider(secret="s", id="Pro Connect")]),
        json.dumps([provider(secret="s"), provider(secret="s")]),
        json.dumps([provider(secret="s", client_id="")]),
        json.dumps([provider(secret="s", colour="blue")]),
    ],
)
def test_malformed_configurations_are_refused_at_start(entries):
    with pytest.raises(ImproperlyConfigured):
        oidc_apps(entries, {})


def test_plain_http_is_accepted_on_the_loopback_only():
    (app,) = oidc_apps(json.dumps([provider(secret="s", server_url="http://127.0.0.1:9400")]))
    assert app["settings"]["server_url"] == "http://127.0.0.1:9400"


def test_provider_origins_are_allowed_as_form_targets():
    raw = json.dumps(
        [
            provider(secret="s", server_url="https://idp.exemple.test/api/v2"),
            provider(secret="s", id="autre", server_url="https://idp.exemple.test/realms/x"),
            provider(secret="s", id="local", server_url="http://localhost:9400"),
        ]
    )
    assert provider_origins(socialaccount_providers(raw)) == ["https://idp.exemple.test", "http://localhost:9400"]
