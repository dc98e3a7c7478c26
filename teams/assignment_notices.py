"""Telling learners that a manager assigned them a module: an in-app notice on « Mon espace » at once (accounts
notices), and one e-mail per learner through the task queue once the assignment is committed."""

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from accounts import notices
from accounts.models import Notice, User
from core.links import absolute_url
from core.mail import render_email

from .models import Assignment

SUPPORTED_LANGUAGES = {"fr", "en"}


def notify_assigned(assignments, learners):
    """A notice per module for each learner now; their e-mail (all these modules in one message) after commit."""
    user_ids = sorted({user.pk for user in learners})
    if not assignments or not user_ids:
        return
    for assignment in assignments:
        course = assignment.course
        notices.notify(user_ids, Notice.Kind.ASSIGNMENT, course.title, course.url or "", assignment.due_date)
    assignment_ids = [assignment.pk for assignment in assignments]

    def enqueue():
        from .tasks import send_assignment_email_task

        for user_id in user_ids:
            send_assignment_email_task.enqueue(user_id, assignment_ids)

    transaction.on_commit(enqueue)


def send_assignment_email(user_id, assignment_ids):
    """The e-mail of one learner, for the modules still assigned to them among these; returns 1 if sent."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    assignments = list(
        Assignment.objects.filter(pk__in=assignment_ids, assigned__user=user)
        .select_related("course", "team")
        .order_by("due_date", "course__title")
    )
    if not assignments:
        return 0
    base = absolute_url("")
    language = user.preferred_language if user.preferred_language in SUPPORTED_LANGUAGES else "fr"
    with translation.override(language):
        items = [{"assignment": a, "url": base + a.course.url if a.course.url else base} for a in assignments]
        context = {
            "user": user,
            "items": items,
            "team": assignments[0].team,
            "my_space_url": absolute_url(reverse("my_space")),
        }
        subject, body = render_email("teams/emails/assigned", context)
    send_mail(subject, body, None, [user.email])
    return 1
