import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from playwright.sync_api import expect

from accounts.models import User
from tests.a11y import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def totp_now(secret):
    counter = int(time.time()) // 30  # allauth's default TOTP period
    return format_hotp_value(hotp_value(secret, counter))


def test_signup_verify_language_totp_logout_login(page, live_server):
    page.goto(f"{live_server.url}/comptes/signup/")
    page.get_by_label("E-mail").fill("lea@exemple.test")
    page.get_by_label("Nom affiché").fill("Léa Dupont")
    page.get_by_label("Mot de passe :", exact=True).fill("une-phrase-de-passe-solide")
    page.get_by_label("Mot de passe (confirmation)").fill("une-phrase-de-passe-solide")
    page.locator("main form button[type=submit]").click()
    page.get_by_role("heading", name="Vérifiez votre adresse e-mail").wait_for()

    # The verification link from the mailbox.
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/comptes/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirmer").click()
    page.get_by_role("heading", name="Mon espace").wait_for()

    # English and back to French.
    page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name="My space").wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("button", name="Français").click()
    page.get_by_role("heading", name="Mon espace").wait_for()

    # TOTP: read the secret shown on the activation page, answer with a fresh code.
    page.goto(f"{live_server.url}/comptes/2fa/totp/activate/")
    if "/reauthenticate/" in page.url:  # allauth asks for the password again before a security change
        page.get_by_label("Mot de passe").fill("une-phrase-de-passe-solide")
        page.locator("main form button[type=submit]").click()
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Code de l'authentificateur").fill("000000")
    page.get_by_role("button", name="Activer").click()
    expect(page.get_by_text("Code incorrect")).to_be_visible()
    page.get_by_label("Code de l'authentificateur").fill(totp_now(secret))
    page.get_by_role("button", name="Activer").click()
    page.get_by_text("codes de récupération", exact=False).first.wait_for()
    assert User.objects.get(email="lea@exemple.test").authenticator_set.filter(type="totp").exists()

    page.get_by_role("button", name="Se déconnecter").click()
    page.get_by_role("navigation").get_by_role("link", name="Se connecter").wait_for()

    page.goto(f"{live_server.url}/comptes/login/")
    page.get_by_label("E-mail").fill("lea@exemple.test")
    page.get_by_label("Mot de passe").fill("une-phrase-de-passe-solide")
    page.get_by_role("button", name="Connexion").click()
    page.get_by_label("Code").fill(totp_now(secret))
    page.get_by_role("button", name="Connexion").click()
    page.get_by_role("heading", name="Mon espace").wait_for()


def test_key_pages_have_no_axe_violations(page, live_server, learner, page_as):
    for path in ["/", "/comptes/login/", "/comptes/signup/", "/page-inexistante/"]:
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page)
    # A form with errors must stay accessible too.
    page.goto(f"{live_server.url}/comptes/signup/")
    page.locator("main form button[type=submit]").click()
    page.locator(".errorlist").first.wait_for()
    assert_no_axe_violations(page)

    learner_page = page_as(learner)
    for path in ["/compte/profil/", "/mon-espace/", "/compte/supprimer/", "/comptes/2fa/", "/comptes/password/change/"]:
        learner_page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(learner_page)


def test_learner_is_refused_the_admin_in_the_browser(learner_page, live_server):
    response = learner_page.goto(f"{live_server.url}/admin/")
    assert response.status == 403
    assert learner_page.get_by_role("heading", name="Accès refusé").is_visible()


def test_trainer_reaches_the_admin_in_the_browser(trainer_page, live_server):
    trainer_page.goto(f"{live_server.url}/admin/")
    assert trainer_page.url.endswith("/admin/")
    assert "Wagtail" in trainer_page.title() or "Collectif" in trainer_page.title()
    assert trainer_page.locator("nav, aside").count() > 0 and "/admin/pages/" in trainer_page.content()
