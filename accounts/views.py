from allauth.account import app_settings as allauth_settings
from allauth.account.utils import perform_login
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from . import audit, personal_data, welcome_link
from .forms import DeleteAccountForm, LanguageForm, ProfileForm


def remember_language(response, request, language):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 86400,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


@login_required
def account(request):
    """Profile, language, links to password, e-mail and MFA, data export and deletion."""
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            form.save()
            translation.activate(request.user.preferred_language)
            messages.success(request, _("Votre profil est enregistré."))
            return remember_language(redirect("account_profile"), request, request.user.preferred_language)
        messages.error(request, _("Le profil n'a pas été enregistré : corrigez les champs signalés."))
    else:
        form = ProfileForm(instance=request.user)
    return render(request, "accounts/account.html", {"form": form})


@require_POST
def switch_language(request):
    """The fr/en switcher: remembered in a cookie, and on the account when logged in."""
    form = LanguageForm(request.POST)
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = redirect(target)
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            request.user.preferred_language = language
            request.user.save(update_fields=["preferred_language"])
        remember_language(response, request, language)
    return response


@login_required
def download_data(request):
    data = personal_data.build_export_zip(request.user)
    audit.log_data_exported(request.user)
    filename = f"collectif-mes-donnees-{timezone.localdate():%Y-%m-%d}.zip"
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        audit.log_account_deleted(user)
        personal_data.delete_account(user)
        messages.success(request, _("Votre compte et vos données ont été supprimés."))
        return redirect("/")
    return render(request, "accounts/delete_account.html", {"form": form})


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
def welcome(request, token):
    """« Choisir mon mot de passe » from the one e-mail an imported account receives: the password is set with
    Django's validators, the address is verified (the link reached it), and the person is logged in through
    allauth's login (its stages, MFA included, still apply). The link then stops working."""
    user = welcome_link.user_for_token(token)
    if user is None:
        return render(request, "accounts/welcome.html", {"token_fail": True})
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = welcome_link.choose_password(form)
        messages.success(request, _("Votre mot de passe est enregistré et votre adresse e-mail est confirmée."))
        return perform_login(
            request,
            user,
            email_verification=allauth_settings.EMAIL_VERIFICATION,
            redirect_url=reverse("my_space"),
            email=user.email,
        )
    return render(request, "accounts/welcome.html", {"form": form, "account_email": user.email})
