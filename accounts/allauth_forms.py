"""Forms that replace allauth's own (ACCOUNT_FORMS); apart from accounts.forms, which allauth's forms import
(ACCOUNT_SIGNUP_FORM_CLASS), so that neither imports the other while loading."""

from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from django import forms


class ResetPasswordForm(AllauthResetPasswordForm):
    """Answers the same way whether or not the address has an account (sign-up alone says an address is taken,
    see ACCOUNT_PREVENT_ENUMERATION in settings): an unknown address is accepted and simply gets no e-mail."""

    def clean_email(self):
        try:
            return super().clean_email()
        except forms.ValidationError:
            if hasattr(self, "users") and not self.users:
                return self.cleaned_data["email"]
            raise
