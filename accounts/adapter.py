from allauth.account.adapter import DefaultAccountAdapter
from django.utils.http import url_has_allowed_host_and_scheme

# A page that asked an anonymous visitor to log in or sign up first (an invitation link) stores its path here;
# after login or sign-up the visitor comes back to it and decides there (nothing is done on their behalf).
RESUME_AFTER_LOGIN = "accounts_resume_after_login"


def resume_url(request):
    url = request.session.get(RESUME_AFTER_LOGIN) if hasattr(request, "session") else None
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return url
    return None


class AccountAdapter(DefaultAccountAdapter):
    """Keeps the display name chosen at sign-up and the language the visitor was using."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data.get("display_name", "")
        user.preferred_language = getattr(request, "LANGUAGE_CODE", "fr") or "fr"
        if commit:
            user.save()
        return user

    def get_login_redirect_url(self, request):
        return resume_url(request) or super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return resume_url(request) or super().get_signup_redirect_url(request)
