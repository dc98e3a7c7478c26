"""E-mails built from a pair of templates: `<name>_subject.txt` (flattened to one line, so a name stored with a line
break can never make Django refuse the message) and `<name>.txt`."""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string

from .text_input import one_line


def render_email(name, context):
    """(subject, body) of the e-mail `name` ("teams/emails/invitation")."""
    subject = one_line(render_to_string(f"{name}_subject.txt", context))
    return subject, render_to_string(f"{name}.txt", context)


class DeliverableOnlyBackend(BaseEmailBackend):
    """Sends through EMAIL_DELIVERY_BACKEND, without the recipients on the reserved `.invalid` domain (RFC 2606):
    accounts a learning platform made have such an address (lti-…@lti.invalid) and are reached on « Mon espace ».
    One place for every e-mail (ours and allauth's): no message is bounced, no task fails on a refused recipient."""

    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.inner = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=fail_silently, **kwargs)

    def open(self):
        return self.inner.open()

    def close(self):
        return self.inner.close()

    def send_messages(self, email_messages):
        kept = [message for message in email_messages if _without_undeliverable(message).recipients()]
        return self.inner.send_messages(kept) if kept else 0


def is_undeliverable(address):
    return parseaddr(address)[1].lower().endswith(".invalid")


def _without_undeliverable(message):
    for field in ("to", "cc", "bcc"):
        setattr(message, field, [address for address in getattr(message, field) if not is_undeliverable(address)])
    return message
