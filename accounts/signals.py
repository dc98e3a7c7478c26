from allauth.account.models import EmailAddress
from allauth.account.signals import password_reset, user_logged_in, user_signed_up
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in as django_user_logged_in
from django.dispatch import receiver
from django.utils import translation

from .permissions import Role, assign_role


@receiver(user_signed_up)
def make_new_users_learners(sender, request, user, **kwargs):
    """Everyone who signs up is a learner; other roles are given by an administrator or an invitation."""
    assign_role(user, Role.LEARNER)


@receiver(user_logged_in)
def remember_language_on_login(sender, request, user, **kwargs):
    translation.activate(user.preferred_language)
    request.LANGUAGE_CODE = user.preferred_language


@receiver(django_user_logged_in)
def clear_inactivity_warning(sender, request, user, **kwargs):
    """Any login (site, admin, allauth) shows the account is used again: a pending deletion notice no longer holds."""
    if user.inactivity_warned_at is not None:
        get_user_model().objects.filter(pk=user.pk).update(inactivity_warned_at=None)
        user.inactivity_warned_at = None


@receiver(password_reset)
def verify_the_only_address_on_reset(sender, request, user, **kwargs):
    """An imported account whose welcome link expired asks for a reset instead: the reset link went to its one
    address (user.email), so opening it proves that address too and no verification e-mail follows at login.
    Accounts with other addresses are left to allauth (the reset may have gone to another of them)."""
    from .welcome_link import mark_address_verified

    others = EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email)
    if user.email and not others.exists():
        mark_address_verified(user)
