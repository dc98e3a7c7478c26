"""The confirmation step of single sign-on: linking a provider's identity to the Collectif account that already uses
its (verified) e-mail address. The person proves the account is theirs by signing in as usual (password, then TOTP
when they have it), then says yes; until then nothing is linked (accounts.social_adapter)."""

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialLogin
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .social_adapter import PENDING_LINK, provider_email


def pending_link(request):
    data = request.session.get(PENDING_LINK)
    if not data:
        return None
    try:
        return SocialLogin.deserialize(data)
    except (ValueError, KeyError, TypeError, LookupError):
        request.session.pop(PENDING_LINK, None)
        return None


def owns_address(user, email):
    if user.email.lower() == email:
        return True
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


@never_cache
@require_http_methods(["GET", "POST"])
def link_account(request):
    """« Relier votre compte » : explains, sends to the usual login, then asks for an explicit yes."""
    sociallogin = pending_link(request)
    if sociallogin is None:
        return redirect("account_profile" if request.user.is_authenticated else "account_login")
    email, _verified = provider_email(sociallogin)
    provider_name = sociallogin.provider.name
    if request.method == "POST":
        if "cancel" in request.POST:
            request.session.pop(PENDING_LINK, None)
            messages.info(request, _("Rien n'a été relié à votre compte."))
            return redirect("my_space" if request.user.is_authenticated else "account_login")
        if request.user.is_authenticated and owns_address(request.user, email):
            request.session.pop(PENDING_LINK, None)
            sociallogin.connect(request, request.user)
            messages.success(
                request,
                _("Votre compte est relié à %(provider)s : vous pourrez désormais vous connecter avec lui.")
                % {"provider": provider_name},
            )
            return redirect("my_space")
    login_url = f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: reverse('account_sso_link')})}"
    context = {
        "provider_name": provider_name,
        "email": email,
        "login_url": login_url,
        "can_confirm": request.user.is_authenticated and owns_address(request.user, email),
    }
    return render(request, "accounts/sso_link.html", context)
