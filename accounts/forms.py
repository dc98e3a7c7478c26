from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import User


class SignupForm(forms.Form):
    """Extra sign-up fields; allauth adds e-mail and passwords (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label=_("Nom affiché"),
        max_length=150,
        required=True,
        help_text=_("Par exemple votre prénom et l'initiale de votre nom."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "first_name", "last_name", "preferred_language", "diploma"]
        labels = {"first_name": _("Prénom"), "last_name": _("Nom"), "diploma": _("Diplôme ou référentiel préparé")}
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["diploma"].empty_label = _("Aucun : celui de mon équipe")


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Langue"), choices=settings.LANGUAGES)
    next = forms.CharField(required=False)


class DeleteAccountForm(forms.Form):
    """Deletion asks the user to type their e-mail address, so it cannot happen by a stray click, and their
    password (or a code of their authenticator app), so that a session left open is not enough to erase an account."""

    confirmation = forms.CharField(
        label=_("Recopiez votre adresse e-mail pour confirmer"),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    secret = forms.CharField(
        label=_("Votre mot de passe"),
        help_text=_("Si vous avez activé la double authentification, un code de votre application convient aussi."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirmation(self):
        value = self.cleaned_data["confirmation"].strip().lower()
        if value != self.user.email.lower():
            raise forms.ValidationError(_("L'adresse saisie ne correspond pas à celle de votre compte."))
        return value

    def clean_secret(self):
        from allauth.core import context, ratelimit

        value = self.cleaned_data["secret"]
        # Same budget as allauth's re-authentication, so an open session cannot guess the password at leisure.
        if not ratelimit.consume(context.request, action="reauthenticate", user=self.user):
            raise forms.ValidationError(_("Trop d'essais : réessayez dans une minute."))
        if not (self.user.check_password(value) or totp_code_is_valid(self.user, value.strip())):
            raise forms.ValidationError(
                _("Mot de passe (ou code de double authentification) incorrect : votre compte n'a pas été supprimé.")
            )
        return value


def totp_code_is_valid(user, code):
    """A current code of the user's TOTP authenticator, used once (allauth refuses a code already used)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    if not code.isdigit():
        return False
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    return authenticator is not None and TOTP(authenticator).validate_code(code)
