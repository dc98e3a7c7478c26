from allauth.account.signals import user_logged_in, user_signed_up
from django.dispatch import receiver

from . import certificates  # noqa: F401  (connects the certificate receiver)
from .invitations import accept_pending_from_session
from .models import LoginRecord


@receiver(user_logged_in)
def log_sign_in_and_join(sender, request, user, **kwargs):
    LoginRecord.objects.create(user=user)
    accept_pending_from_session(request, user)


@receiver(user_signed_up)
def join_on_sign_up(sender, request, user, **kwargs):
    accept_pending_from_session(request, user)
