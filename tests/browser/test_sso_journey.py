"""Single sign-on in the browser, through a real OpenID Connect provider (oidc-provider-mock) that the test starts
on the loopback: its own authorisation page, its tokens, its userinfo."""

import pytest
from allauth.socialaccount.models import SocialAccount

from accounts.models import User
from accounts.permissions import Role, has_role
from tests.a11y import assert_no_axe_violations
from tests.factories import PASSWORD, make_user
from tests.oidc_kit import PROVIDER_NAME, provider_settings, running_provider, set_identity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def oidc_server():
    with running_provider() as url, provider_settings(url):
        yield url


def sign_in_at_provider(page, live_server, sub):
    page.goto(f"{live_server.url}/comptes/login/")
    page.get_by_role("button", name=f"Se connecter avec {PROVIDER_NAME}").click()
    # The provider's own page (English, it is not ours): who signs in.
    page.get_by_placeholder("sub").fill(sub)
    page.get_by_role("button", name="Authorize").click()


def test_first_sso_login_creates_a_learner_and_the_second_reuses_it(page, live_server, oidc_server):
    claims = {"email": "agent42@exemple.test", "email_verified": True, "given_name": "Aline", "family_name": "Roy"}
    set_identity(oidc_server, "agent-42", **claims)
    page.goto(f"{live_server.url}/comptes/login/")
    assert_no_axe_violations(page)

    sign_in_at_provider(page, live_server, "agent-42")
    page.get_by_role("heading", name="Mon espace").wait_for()
    user = User.objects.get(email="agent42@exemple.test")
    assert has_role(user, Role.LEARNER) and user.display_name == "Aline Roy"

    page.get_by_role("button", name="Se déconnecter").click()
    page.get_by_role("navigation").get_by_role("link", name="Se connecter").wait_for()

    sign_in_at_provider(page, live_server, "agent-42")
    page.get_by_role("heading", name="Mon espace").wait_for()
    assert User.objects.filter(email="agent42@exemple.test").count() == 1
    assert SocialAccount.objects.get(uid="agent-42").user == user


def test_an_existing_account_is_linked_after_password_and_confirmation(page, live_server, oidc_server):
    owner = make_user(email="claire@exemple.test")
    set_identity(oidc_server, "claire-idp", email="claire@exemple.test", email_verified=True)

    sign_in_at_provider(page, live_server, "claire-idp")
    page.get_by_role("heading", name="Relier votre compte").wait_for()
    assert_no_axe_violations(page)
    assert not SocialAccount.objects.exists()

    page.get_by_role("link", name="Me connecter avec mon mot de passe").click()
    page.get_by_label("E-mail").fill(owner.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    page.get_by_role("button", name=f"Relier mon compte à {PROVIDER_NAME}").click()
    page.get_by_role("heading", name="Mon espace").wait_for()
    assert SocialAccount.objects.get(uid="claire-idp").user == owner

    page.get_by_role("button", name="Se déconnecter").click()
    page.get_by_role("navigation").get_by_role("link", name="Se connecter").wait_for()
    sign_in_at_provider(page, live_server, "claire-idp")
    page.get_by_role("heading", name="Mon espace").wait_for()
