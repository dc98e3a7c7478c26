from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

from .permissions import can_access_admin, needs_second_factor

SUPPORTED = {code for code, _name in settings.LANGUAGES}


class UserLanguageMiddleware:
    """French unless the person chose otherwise: the account's preference, then the language cookie.

    Unlike LocaleMiddleware, the browser's Accept-Language is ignored on purpose: this is a
    French-first platform and a visitor switches to English with the switcher.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = self.language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response

    @staticmethod
    def language_for(request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.preferred_language in SUPPORTED:
            return user.preferred_language
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        return cookie if cookie in SUPPORTED else settings.LANGUAGE_CODE


class AdminAccessMiddleware:
    """Guards the Wagtail admin (learners and managers get 403) and, when production says so, every staff view:
    trainers, managers and administrators read learners' personal data, so they need TOTP everywhere, not only
    in the admin. Without it they are sent to TOTP activation from every page except those needed to enrol or
    to leave (allauth's account and MFA pages, language switch, health check, static and media files)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            if request.path.startswith("/admin/") and not can_access_admin(user):
                raise PermissionDenied(_("L'espace d'administration est réservé aux formateur·rices."))
            if self.must_enrol_totp(request):
                from django.contrib import messages

                messages.warning(
                    request,
                    _(
                        "Votre rôle donne accès aux données des apprenant·es : activez la double authentification "
                        "(TOTP) pour continuer."
                    ),
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)

    def must_enrol_totp(self, request):
        return (
            settings.COLLECTIF_REQUIRE_STAFF_MFA
            and needs_second_factor(request.user)
            and not is_enrolment_path(request.path)
            and not self.has_totp(request.user)
        )

    @staticmethod
    def has_totp(user):
        from allauth.mfa.models import Authenticator

        return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def is_enrolment_path(path):
    """Paths a staff member without TOTP may still open: what is needed to enrol, to leave, or to keep the site up."""
    from django.urls import reverse

    open_prefixes = (
        reverse("account_login").removesuffix("login/"),  # allauth: login, logout, password, e-mail, MFA
        reverse("switch_language"),
        reverse("health"),
        settings.STATIC_URL,
        settings.MEDIA_URL,
        "/favicon.ico",
    )
    return path.startswith(open_prefixes)
