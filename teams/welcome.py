"""The e-mail an imported member receives: which team, and how to choose a password."""

from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from core.links import absolute_url
from core.mail import render_email

from .models import Team


def send_welcome_emails(team_id, user_ids):
    team = Team.objects.select_related("organisation").filter(pk=team_id).first()
    if team is None:
        return 0
    base = absolute_url("")
    count = 0
    for user in User.objects.filter(pk__in=user_ids):
        with translation.override("fr"):
            context = {"user": user, "team": team, "reset_url": base + reverse("account_reset_password")}
            subject, body = render_email("teams/emails/welcome", context)
        send_mail(subject, body, None, [user.email])
        count += 1
    return count
