"""Accounts a learning platform made have a placeholder address on the reserved .invalid domain: the e-mail backend
the deployed settings use leaves those recipients out, so no message bounces and no task fails on them."""

from django.core import mail
from django.core.mail import EmailMessage, get_connection

from core.mail import is_undeliverable

BACKEND = "core.mail.DeliverableOnlyBackend"


def send(*messages):
    return get_connection(BACKEND).send_messages(list(messages))


def test_placeholder_recipients_are_left_out(settings):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    both = EmailMessage("Rappel", "Votre module", None, ["lti-3fa2@lti.invalid", "camille@ccas.fr"])
    only_placeholder = EmailMessage("Rappel", "Votre module", None, ["Alex <lti-9c1e@LTI.INVALID>"])
    assert send(both, only_placeholder) == 1
    (sent,) = mail.outbox
    assert sent.to == ["camille@ccas.fr"]


def test_nothing_to_send_is_not_an_error(settings):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send(EmailMessage("Rappel", "…", None, ["lti-1@lti.invalid"])) == 0
    assert send() == 0


def test_only_the_reserved_domain_is_undeliverable():
    assert is_undeliverable("lti-1@lti.invalid") and is_undeliverable("X <a@b.INVALID>")
    assert not is_undeliverable("invalid@ccas.fr") and not is_undeliverable("a@invalid.fr")


def test_dev_settings_send_through_it():  # production: tests/test_deploy_files.py
    from collectif.settings import dev

    assert dev.EMAIL_BACKEND == BACKEND
    assert dev.EMAIL_DELIVERY_BACKEND == "django.core.mail.backends.filebased.EmailBackend"
