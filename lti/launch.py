"""What a validated LTI launch does on our side: find or create the learner's account by (issuer, sub), and pick
the page of this site the launch asks for (a module, a case or a quiz; anything else is refused)."""

import hashlib
from urllib.parse import unquote, urlsplit

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from wagtail.models import Site

from accounts.models import User
from accounts.permissions import Role, assign_role
from cases.models import CasePage
from courses.models import CoursePage
from quizzes.models import QuizPage

from .models import LtiIdentity, UsedNonce

CUSTOM_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/custom"
TARGET_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/target_link_uri"
# The custom parameter a platform sets on a link to choose the page (a path or a URL of this site).
RESOURCE_PARAM = "collectif_page"
LAUNCHABLE_PAGES = (CoursePage, CasePage, QuizPage)


def consume_nonce(issuer, nonce):
    """True the first time a launch's nonce is seen; False for a replayed id_token."""
    try:
        with transaction.atomic():
            UsedNonce.objects.create(issuer=issuer, nonce=nonce)
    except IntegrityError:
        return False
    return True


def placeholder_email(issuer, sub):
    """The address of an account a platform made: unique per (issuer, sub), and deliverable nowhere."""
    digest = hashlib.sha256(f"{issuer}\n{sub}".encode()).hexdigest()[:24]
    return f"lti-{digest}@lti.invalid"


def unsaved_account(issuer, sub, given_name="", family_name="", name=""):
    """A learner account for a platform's person: its placeholder address, the names the platform gives, and no
    password (they sign in from the platform)."""
    user = User(
        email=placeholder_email(issuer, sub),
        first_name=(given_name or "")[:150],
        last_name=(family_name or "")[:150],
        display_name=(name or f"{given_name or ''} {family_name or ''}".strip())[:150],
    )
    user.set_unusable_password()
    return user


def learner_for(platform, claims):
    """The account tied to (iss, sub), created on first launch. E-mail is never used to match an existing account:
    a platform could otherwise claim anyone's address."""
    issuer, sub = claims["iss"], claims["sub"]
    identity = LtiIdentity.objects.select_related("user").filter(issuer=issuer, sub=sub).first()
    if identity is None:
        with transaction.atomic():
            user = unsaved_account(issuer, sub, claims.get("given_name"), claims.get("family_name"), claims.get("name"))
            user.save()
            assign_role(user, Role.LEARNER)
            identity = LtiIdentity.objects.create(issuer=issuer, sub=sub, platform=platform, user=user)
    identity.last_launch_at = timezone.now()
    identity.save(update_fields=["last_launch_at"])
    return identity.user


def requested_url(claims):
    """The address the launch asks for: the custom parameter first, then target_link_uri."""
    custom = claims.get(CUSTOM_CLAIM) or {}
    return (custom.get(RESOURCE_PARAM) if isinstance(custom, dict) else None) or claims.get(TARGET_CLAIM) or ""


def launchable_page(request, url):
    """The live module, case or quiz page at `url` on this site, or None."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc != request.get_host()):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    # Slugs may hold accents: page URLs carry them percent-encoded, routing wants them decoded.
    components = [unquote(component) for component in parts.path.split("/") if component]
    try:
        result = site.root_page.specific.route(request, components)
    except Http404:
        return None
    page = result.page.specific
    if result.args or result.kwargs or not page.live or not isinstance(page, LAUNCHABLE_PAGES):
        return None
    return page
