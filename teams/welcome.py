"""The one e-mail an imported member receives: which team, and a link to choose a password that also confirms the
address (accounts.welcome_link), so nothing else is needed before logging in."""

from django.core.mail import send_mail
from django.utils import translation

from accounts.models import User
from accounts.welcome_link import MAX_AGE, welcome_url
from core.mail import render_email

from .models import Team


def send_welcome_emails(team_id, user_ids):
    team = Team.objects.select_related("organisation").filter(pk=team_id).first()
    if team is None:
        return 0
    count = 0
    for user in User.objects.filter(pk__in=user_ids):
        with translation.override("fr"):
            context = {"user": user, "team": team, "welcome_url": welcome_url(user), "days": MAX_AGE // 86400}
            subject, body = render_email("teams/emails/welcome", context)
        send_mail(subject, body, None, [user.email])
        count += 1
    return count
