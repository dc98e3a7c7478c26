"""The one link an account made for a person (a team import) receives: choose a password, and by the same click
prove the address is theirs.

The link carries a signed, time-limited token (core.signed_tokens) with the account's id and a fingerprint of its
password hash, last login and address: choosing a password (or logging in, or changing the address) changes the
fingerprint, so the link works once. No database state; Django's password validators and hashing do the rest.
"""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from core import signed_tokens
from core.links import absolute_url

from .models import User

SALT = "accounts.welcome-link"
MAX_AGE = 14 * 24 * 3600  # two weeks: the e-mail may wait in a mailbox while the person is on leave


def _fingerprint(user):
    state = f"{user.pk}|{user.password}|{user.last_login}|{user.email}"
    return salted_hmac(SALT, state).hexdigest()[:20]


def make_token(user):
    return signed_tokens.issue(SALT, u=user.pk, f=_fingerprint(user))


def welcome_path(user):
    return reverse("account_welcome", args=[make_token(user)])


def welcome_url(user):
    """The absolute link of the welcome e-mail."""
    return absolute_url(welcome_path(user))


def user_for_token(token):
    """The active account this token was made for, or None when it is forged, expired or already used."""
    data = signed_tokens.read_ids(token, salt=SALT, max_age=MAX_AGE, keys=("u",))
    if data is None or not isinstance(data.get("f"), str):
        return None
    user = User.objects.filter(pk=data["u"], is_active=True).first()
    if user is None or not constant_time_compare(data["f"], _fingerprint(user)):
        return None
    return user


@transaction.atomic
def choose_password(form):
    """Save the password of a valid SetPasswordForm and mark the account's address verified and primary (the link
    reached that mailbox). Returns the user."""
    user = form.save()
    mark_address_verified(user)
    return user


def mark_address_verified(user):
    """The account's address (user.email) verified and primary: a link sent there was opened."""
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is None:
        address = EmailAddress(user=user, email=user.email)
    EmailAddress.objects.filter(user=user, primary=True).exclude(pk=address.pk).update(primary=False)
    address.verified = True
    address.primary = True
    address.save()
    return address
