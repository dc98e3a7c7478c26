"""The e-mail an imported member receives: which team, and how to choose a password."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from core.links import absolute_url

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
            subject = render_to_string("teams/emails/welcome_subject.txt", context).strip()
            body = render_to_string("teams/emails/welcome.txt", context)
        send_mail(subject, body, None, [user.email])
        count += 1
    return count
