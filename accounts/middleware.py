from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

from .permissions import can_access_admin

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
    """Guards the Wagtail admin: learners and managers get 403; staff need TOTP when production says so."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and request.user.is_authenticated:
            if not can_access_admin(request.user):
                raise PermissionDenied(_("L'espace d'administration est réservé aux formateur·rices."))
            if settings.COLLECTIF_REQUIRE_STAFF_MFA and not self.has_totp(request.user):
                from django.contrib import messages

                messages.warning(
                    request,
                    _("Activez la double authentification (TOTP) avant d'ouvrir l'espace d'administration."),
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def has_totp(user):
        from allauth.mfa.models import Authenticator

        return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
