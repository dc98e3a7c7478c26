"""Background jobs of the journal (django-tasks; run by the database worker, immediately in tests)."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from core.links import absolute_url
from core.mail import render_email
from core.taskqueue import retry_later


@task()
def send_feedback_notification(feedback_id, attempt=1):
    """E-mail the learner that a trainer answered one of their entries (the reply itself stays on the site)."""
    from .models import Feedback

    feedback = Feedback.objects.select_related("entry__author", "author").filter(pk=feedback_id).first()
    if feedback is None:  # the entry was deleted in the meantime
        return False
    learner = feedback.entry.author
    if not learner.is_active or not learner.email:
        return False
    url = absolute_url(reverse("reflections:detail", args=[feedback.entry_id]))
    with translation.override(learner.preferred_language or settings.LANGUAGE_CODE):
        context = {"feedback": feedback, "entry": feedback.entry, "learner": learner, "url": url}
        subject, body = render_email("reflections/emails/feedback", context)
    try:
        send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [learner.email])
    except OSError:  # SMTP server unreachable or refusing for now (smtplib errors are OSErrors): try again later
        retry_later(send_feedback_notification, feedback_id, attempt=attempt, defer_only=True)
        raise
    return True
