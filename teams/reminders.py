"""Which reminders are due, and sending one exactly once.

A reminder goes only to a learner who has not finished the course and has not turned reminders off.
`ReminderLog` is unique per (assignment, learner, kind, batch): the row is locked while the e-mail is
sent and marked sent in the same transaction, so a task that runs twice (two checks, a worker restart)
finds the row already sent and does nothing.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from core.links import absolute_url
from core.mail import render_email
from progress import reports

from .matrix import unfinished_learners
from .models import Assignment, NotificationPreference, ReminderLog

# An overdue reminder is not sent for assignments that ended long ago (e.g. right after a deployment).
OVERDUE_WINDOW = timedelta(days=30)


def wants_reminders(user_id):
    pref = NotificationPreference.objects.filter(user_id=user_id).values_list("reminders", flat=True).first()
    return pref is None or pref


def opted_out_ids():
    return set(NotificationPreference.objects.filter(reminders=False).values_list("user_id", flat=True))


def due_reminders(today=None):
    """[(assignment_id, user_id, kind)] of the automatic reminders not sent yet."""
    today = today or timezone.localdate()
    opted_out = opted_out_ids()
    due = []
    candidates = Assignment.objects.filter(due_date__gte=today - OVERDUE_WINDOW)
    for assignment in candidates:
        if assignment.due_date < today:
            kind = ReminderLog.Kind.OVERDUE
        elif assignment.remind_days_before and (assignment.due_date - today).days <= assignment.remind_days_before:
            kind = ReminderLog.Kind.BEFORE
        else:
            continue
        sent = set(
            ReminderLog.objects.filter(assignment=assignment, kind=kind, sent_at__isnull=False).values_list(
                "user_id", flat=True
            )
        )
        for user_id in unfinished_learners(assignment):
            if user_id not in opted_out and user_id not in sent:
                due.append((assignment.pk, user_id, kind))
    return due


def manual_targets(assignment):
    """The learners a click on "Relancer" reaches: unfinished, reminders on."""
    opted_out = opted_out_ids()
    return [user_id for user_id in unfinished_learners(assignment) if user_id not in opted_out]


def send_reminder(assignment_id, user_id, kind, batch=""):
    """Send one reminder unless already sent, finished meanwhile, or turned off. Returns what happened."""
    try:
        with transaction.atomic():
            ReminderLog.objects.get_or_create(assignment_id=assignment_id, user_id=user_id, kind=kind, batch=batch)
    except IntegrityError:  # created at the same moment by a twin task
        pass
    with transaction.atomic():
        log = ReminderLog.objects.select_for_update().get(
            assignment_id=assignment_id, user_id=user_id, kind=kind, batch=batch
        )
        if log.sent_at:
            return "already-sent"
        assignment = Assignment.objects.select_related("course", "team").filter(pk=assignment_id).first()
        user = User.objects.filter(pk=user_id, is_active=True).first()
        if assignment is None or user is None or not wants_reminders(user_id):
            return "skipped"
        if reports.has_completed(user_id, assignment.course_id):
            return "finished"
        # Marked sent before sending, in the same transaction: if the e-mail fails, it all rolls back; if the
        # worker dies once the e-mail is out, only the COMMIT is left to reach the database, so a retry after
        # a crash can duplicate an e-mail only within that instant (and the Message-ID lets mail clients merge it).
        log.sent_at = timezone.now()
        log.attempts += 1
        log.last_error = ""
        log.save(update_fields=["sent_at", "attempts", "last_error"])
        _send(assignment, user, kind, message_id=f"<rappel-{log.pk}@{_mail_domain()}>")
    return "sent"


def record_failure(assignment_id, user_id, kind, batch, error):
    """Keep the failed attempt visible to administrators; returns the number of attempts so far."""
    ReminderLog.objects.filter(assignment_id=assignment_id, user_id=user_id, kind=kind, batch=batch).update(
        attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
    )
    log = ReminderLog.objects.filter(assignment_id=assignment_id, user_id=user_id, kind=kind, batch=batch).first()
    return log.attempts if log else 0


def _mail_domain():
    return urlsplit(settings.SITE_URL).hostname or "collectif.local"


def _send(assignment, user, kind, message_id=None):
    today = timezone.localdate()
    base = absolute_url("")
    with translation.override("fr"):
        context = {
            "user": user,
            "assignment": assignment,
            "kind": kind,
            "days_left": (assignment.due_date - today).days,
            "course_url": base + assignment.course.url if assignment.course.url else base,
            "preferences_url": base + reverse("teams:preferences"),
        }
        subject, body = render_email("teams/emails/reminder", context)
    headers = {"Message-ID": message_id} if message_id else {}
    EmailMessage(subject, body, None, [user.email], headers=headers).send()
