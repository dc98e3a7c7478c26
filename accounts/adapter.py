from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Keeps the display name chosen at sign-up and the language the visitor was using."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data.get("display_name", "")
        user.preferred_language = getattr(request, "LANGUAGE_CODE", "fr") or "fr"
        if commit:
            user.save()
        return user
