"""Single sign-on (OpenID Connect through allauth): who a provider's login becomes on Collectif.

- An identity already linked logs in to its account (allauth; staff still pass TOTP: allauth's MFA stage and
  accounts.middleware apply to every login).
- A new identity whose e-mail is no Collectif account becomes a new learner (allauth's sign-up, then
  accounts.signals gives the learner role).
- A new identity whose e-mail is already a Collectif account is never logged in to it by the e-mail alone: when the
  provider says the address is verified, the person is asked to sign in with their password and confirm the link
  (accounts.sso.link_account); otherwise nothing is linked and they are told to sign in as usual.
"""

from allauth.account.models import EmailAddress
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal.datakit import parse_bool_safely
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base import AuthProcess
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .oidc_provider import NONCE_STATE_KEY, userinfo_jwt_as_json

# The provider's login waiting for its owner to confirm the link, as allauth serialises it (SocialLogin.serialize).
PENDING_LINK = "accounts_pending_sso_link"


def provider_claims(sociallogin):
    """The ID token's claims and the userinfo claims, as allauth stored them on the social account."""
    extra = sociallogin.account.extra_data or {}
    id_token = extra.get("id_token") if isinstance(extra.get("id_token"), dict) else {}
    userinfo = extra.get("userinfo") if isinstance(extra.get("userinfo"), dict) else {}
    return id_token, userinfo


def provider_email(sociallogin):
    """(address, verified) as the provider gave them; ("", False) without an address."""
    for address in sociallogin.email_addresses:
        if address.email:
            return address.email.strip().lower(), bool(address.verified)
    _id_token, userinfo = provider_claims(sociallogin)
    email = (userinfo.get("email") or "").strip().lower()
    return email, bool(email) and parse_bool_safely(userinfo.get("email_verified"))


def local_owner(email):
    """The Collectif account that uses this address (its login or one of its addresses), or None."""
    if not email:
        return None
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user is None:
        address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
        user = address.user if address else None
    return user


def nonce_matches(sociallogin):
    """The ID token carries the nonce this login sent (accounts.oidc_provider); a login without one passes."""
    expected = sociallogin.state.get(NONCE_STATE_KEY)
    if not expected:
        return True
    id_token, _userinfo = provider_claims(sociallogin)
    return id_token.get("nonce") == expected


def acr_is_sufficient(sociallogin):
    """True unless the provider's settings require an authentication level (required_acr) the ID token lacks."""
    required = sociallogin.provider.app.settings.get("required_acr") or []
    if not required:
        return True
    id_token, _userinfo = provider_claims(sociallogin)
    return id_token.get("acr") in required


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def get_requests_session(self):
        session = super().get_requests_session()
        session.hooks["response"].append(userinfo_jwt_as_json)
        return session

    def pre_social_login(self, request, sociallogin):
        if not nonce_matches(sociallogin):
            messages.error(request, _("La connexion n'a pas pu être vérifiée : recommencez."))
            raise ImmediateHttpResponse(redirect("account_login"))
        if not acr_is_sufficient(sociallogin):
            messages.error(
                request,
                _(
                    "Le niveau d'authentification exigé n'a pas été atteint chez %(provider)s : "
                    "vous n'êtes pas connecté·e."
                )
                % {"provider": sociallogin.provider.name},
            )
            raise ImmediateHttpResponse(redirect("account_login"))
        if sociallogin.is_existing or sociallogin.state.get("process") == AuthProcess.CONNECT:
            # An identity already linked, or a signed-in person linking one from their account: allauth's flows.
            return
        email, verified = provider_email(sociallogin)
        if local_owner(email) is None:
            return  # a new learner account (allauth's sign-up)
        if verified:
            request.session[PENDING_LINK] = sociallogin.serialize()
            raise ImmediateHttpResponse(redirect("account_sso_link"))
        messages.error(
            request,
            _(
                "Un compte Collectif utilise déjà cette adresse e-mail, que %(provider)s ne certifie pas : "
                "connectez-vous avec votre mot de passe. Aucun lien n'a été créé."
            )
            % {"provider": sociallogin.provider.name},
        )
        raise ImmediateHttpResponse(redirect("account_login"))

    def populate_user(self, request, sociallogin, data):
        """The new account's e-mail in lower case (as local accounts), its display name from the provider's
        claims (ProConnect gives given_name and usual_name), the language the visitor was using."""
        user = super().populate_user(request, sociallogin, data)
        user.email = (user.email or "").lower()
        _id_token, userinfo = provider_claims(sociallogin)
        last_name = userinfo.get("usual_name") or userinfo.get("family_name") or ""
        if not user.last_name and last_name:
            user.last_name = last_name[:150]
        full_name = " ".join(part for part in (user.first_name, user.last_name) if part)
        user.display_name = (data.get("name") or full_name or "")[:150]
        user.preferred_language = getattr(request, "LANGUAGE_CODE", "fr") or "fr"
        return user
