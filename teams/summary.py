"""The opt-in weekly summary e-mail to managers: one per manager and week, whatever runs twice."""

from datetime import timedelta

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from core.links import absolute_url
from core.mail import render_email

from . import charts
from .models import Membership, NotificationPreference, SummaryLog, Team


def team_summary(team, today):
    overview = charts.team_overview(team, today=today)
    week_ago = timezone.now() - timedelta(days=7)
    overview["completed_this_week"] = charts.completions_since(team, week_ago)
    return overview


def send_weekly_summaries(today=None):
    today = today or timezone.localdate()
    week_start = today - timedelta(days=today.weekday())
    recipients = User.objects.filter(
        is_active=True,
        pk__in=NotificationPreference.objects.filter(weekly_summary=True).values("user_id"),
        team_memberships__role=Membership.Role.MANAGER,
    ).distinct()
    sent = 0
    base = absolute_url("")
    for user in recipients:
        try:
            with transaction.atomic():
                SummaryLog.objects.create(user=user, week_start=week_start)
                teams = Team.objects.filter(memberships__user=user, memberships__role=Membership.Role.MANAGER)
                with translation.override("fr"):
                    context = {
                        "user": user,
                        "teams": [(team, team_summary(team, today)) for team in teams.distinct()],
                        "dashboard_url": base + reverse("teams:index"),
                        "preferences_url": base + reverse("teams:preferences"),
                    }
                    subject, body = render_email("teams/emails/weekly", context)
                send_mail(subject, body, None, [user.email])
                sent += 1
        except IntegrityError:  # already sent this week
            continue
    return sent
