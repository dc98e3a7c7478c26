"""LTI 1.3 launches from a simulated platform: login initiation, signed id_token, learner account, landing page,
and every forged or stale launch refused with a French page."""

import html
import time

import pytest
import responses
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from accounts.permissions import Role, has_role
from lti.grades import activity_key_of
from lti.models import LtiIdentity
from tests.factories import make_case, make_course, make_quiz, make_quiz_page, make_user

from .platform_kit import SimulatedPlatform, rsa_pem

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def platform():
    simulated = SimulatedPlatform()
    simulated.register()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        simulated.serve_jwks(mock)
        yield simulated


@pytest.fixture
def case():
    return make_case(title="Accueillir une famille")


def test_launch_logs_the_learner_in_and_lands_on_the_case(client, platform, case):
    response, _, _ = platform.launch(client, f"http://testserver{case.url}")

    assert response.status_code == 302
    assert response["Location"] == case.url
    identity = LtiIdentity.objects.get(issuer=platform.issuer, sub="etudiant-7")
    assert identity.user.get_full_name() == "Alex Martin"
    assert not identity.user.has_usable_password()
    assert has_role(identity.user, Role.LEARNER)
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.wsgi_request.user == identity.user
    assert "Accueillir une famille" in text(page)
    # Framed by the launching platform only, and X-Frame-Options no longer denies it.
    assert "frame-ancestors 'self' https://moodle.example.org" in page["Content-Security-Policy"]
    assert "X-Frame-Options" not in page


def test_custom_parameter_chooses_the_page(client, platform, case):
    custom = {"https://purl.imsglobal.org/spec/lti/claim/custom": {"collectif_page": case.url}}
    response, _, _ = platform.launch(client, "http://testserver/lti/launch/", token_claims=custom)
    assert response.status_code == 302
    assert response["Location"] == case.url


@pytest.mark.parametrize("kind", ["module", "quiz"])
def test_modules_and_quizzes_can_be_launched_too(client, platform, kind):
    page = make_course() if kind == "module" else make_quiz_page(make_quiz())
    response, _, _ = platform.launch(client, page.url)
    assert response.status_code == 302
    assert response["Location"] == page.url
    assert activity_key_of(page) == (page.activity_key if kind == "module" else page.quiz.activity_key)


def test_same_sub_comes_back_to_the_same_account_and_email_never_matches(client, platform, case):
    existing = make_user(email="alex.martin@example.org")
    first, _, _ = platform.launch(client, case.url)
    client.logout()
    second, _, _ = platform.launch(client, case.url)

    assert first.status_code == second.status_code == 302
    identity = LtiIdentity.objects.get()
    assert identity.user != existing  # same e-mail in the token, yet another account
    assert get_user_model().objects.filter(lti_identities__isnull=False).count() == 1


def test_other_page_types_and_other_sites_are_refused(client, platform, case):
    for target in ("http://testserver/", "https://ailleurs.example.com" + case.url, "http://testserver/admin/"):
        response, _, _ = platform.launch(client, target)
        assert response.status_code == 403, target
        assert "n'est pas un module, un cas pratique ou une évaluation" in text(response)
    assert not LtiIdentity.objects.exists()


def test_forged_signature_is_refused(client, platform, case):
    response, _, _ = platform.launch(client, case.url, private_pem=rsa_pem())
    assert response.status_code == 403
    assert "La signature du jeton de lancement n'est pas valide" in text(response)
    assert "_auth_user_id" not in client.session


def test_expired_token_is_refused(client, platform, case):
    past = int(time.time()) - 3600
    response, _, _ = platform.launch(client, case.url, token_claims={"iat": past - 300, "exp": past})
    assert response.status_code == 403
    assert "Le jeton de lancement a expiré" in text(response)


def test_replayed_token_is_refused(client, platform, case):
    response, token, state = platform.launch(client, case.url)
    assert response.status_code == 302
    replay = client.post("/lti/launch/", {"id_token": token, "state": state})
    assert replay.status_code == 403
    assert "Ce lancement a déjà été utilisé" in text(replay)


def test_token_for_another_audience_is_refused(client, platform, case):
    response, _, _ = platform.launch(client, case.url, token_claims={"aud": "un-autre-outil", "azp": "un-autre-outil"})
    assert response.status_code == 403
    assert "Ce jeton n'est pas destiné à Collectif" in text(response)


def test_unknown_deployment_is_refused(client, platform, case):
    claims = {"https://purl.imsglobal.org/spec/lti/claim/deployment_id": "inconnu"}
    response, _, _ = platform.launch(client, case.url, token_claims=claims)
    assert response.status_code == 403
    assert "déploiement n'est pas enregistré" in text(response)


def test_login_from_an_unregistered_platform_is_refused(client, platform):
    response = client.get("/lti/login/", {"iss": "https://inconnue.example.org", "login_hint": "x"})
    assert response.status_code == 400
    assert "ne vient pas d'une plateforme LTI enregistrée" in text(response)
    # The refusal page may be framed by the registered platforms, nobody else.
    assert "frame-ancestors 'self' https://moodle.example.org;" in response["Content-Security-Policy"] + ";"


def test_launch_without_login_is_refused(client, platform, case):
    state, nonce = platform.initiate_login(client, case.url)
    token = platform.id_token(platform.claims(nonce, case.url))
    response = client.post("/lti/launch/", {"id_token": token, "state": "state-inventee"})
    assert response.status_code == 403
    assert client.get("/lti/launch/").status_code == 405


def test_pages_outside_an_lti_session_keep_the_strict_framing(client, case):
    response = client.get(case.url)
    assert "frame-ancestors 'self';" in response["Content-Security-Policy"] + ";"


def test_launched_sessions_get_cookies_an_iframe_can_send(client, platform, case, settings):
    """Inside the platform's iframe the browser sends only SameSite=None cookies (Secure, over HTTPS)."""
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    response, _, _ = platform.launch(client, f"http://testserver{case.url}")
    assert response.cookies[settings.SESSION_COOKIE_NAME]["samesite"] == "None"
    assert response.cookies[settings.SESSION_COOKIE_NAME]["secure"]
    page = client.get(case.url)  # its forms carry a CSRF token whose cookie must reach us too
    assert page.cookies[settings.CSRF_COOKIE_NAME]["samesite"] == "None"


def test_other_sessions_keep_lax_cookies(client, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    user = make_user()
    client.force_login(user)
    response = client.get(reverse("my_space"))
    assert response.cookies[settings.CSRF_COOKIE_NAME]["samesite"] == "Lax"


def test_nonces_of_old_launches_are_purged_and_a_replay_stays_refused(platform, case):
    from datetime import timedelta

    from django.utils import timezone

    from lti.models import UsedNonce
    from lti.tasks import purge_used_nonces

    client = Client()
    response, token, state = platform.launch(client, f"http://testserver{case.url}")
    old = UsedNonce.objects.create(issuer=platform.issuer, nonce="ancien")
    UsedNonce.objects.filter(pk=old.pk).update(used_at=timezone.now() - timedelta(days=2))
    assert purge_used_nonces() == {"deleted": 1}
    assert UsedNonce.objects.count() == 1  # today's launch: its replay is still refused
    replay = client.post("/lti/launch/", {"id_token": token, "state": state})
    assert replay.status_code == 403
