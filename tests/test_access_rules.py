"""Walks every URL pattern of the project: anonymous visitors are sent to login or denied,
except on an explicit list of public pages. New apps keep this test passing."""

import re
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

# Patterns (regex over the assembled route) that anonymous visitors may open.
PUBLIC = [
    r"^$",  # Wagtail page serving: the home page and published public pages
    r"^comptes/(login|signup|password/reset|confirm-email|reauthenticate|2fa/authenticate|inactive|"
    r"email/verify|login/code|password/reset/key|3rdparty|social|logout)",  # social/: allauth's old addresses
    r"^lti/(jwks|login|launch)/$",  # LTI 1.3: the tool's public key set and the platform's signed launch flow
    r"^compte/langue/$",
    r"^compte/bienvenue/",  # the welcome link of an imported account: opened before the person has a password
    r"^documents/",  # Wagtail documents apply their own collection privacy
    r"^media/",
    r"^static/",
    r"^admin/(login|password_reset|logout)",
    r"^admin/(jsi18n|sprite|icons)",  # static assets of the admin login page
    r"^_util/",
    r"^sante/$",  # health check for load balancers: says ok/error, nothing else
    r"^certificats/verifier/",
    r"^equipes/invitation/",  # invitation links are opened before the invited person has an account
    # Live debrief: guests join with a code and vote without an account. Only the join and participant pages;
    # the presenter screen, summaries, exports and launching stay for trainers.
    r"^seance/(<str:code>/((rejoindre|voter|etat)/)?)?$",
    r"^formations/$",  # the course catalogue (a Wagtail page): visitors browse it before creating an account
    r"^(?P<path>.*)$",
]

PLACEHOLDERS = {"int": "1", "slug": "exemple", "uuid": str(uuid.uuid4()), "path": "exemple/", "str": "exemple"}


def iter_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from iter_patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def concrete_url(route):
    """Turn a route (path converters or regex groups) into a URL with placeholder values."""
    url = re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: PLACEHOLDERS.get(m.group(1) or "str", "exemple"), route)
    url = re.sub(r"\(\?P<\w+>[^)]*\)", "1", url)
    url = url.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\", "")
    url = re.sub(r"[?*+]", "", url)
    return "/" + url


def is_public(route):
    # The catch-all Wagtail route is public by design: Wagtail applies page privacy itself.
    normalised = route.replace("^", "").replace("\\Z", "")
    return any(re.match(pattern, normalised) for pattern in PUBLIC[:-1]) or route in ("", "^(?P<path>.*)$")


def test_every_non_public_url_requires_login(client):
    checked = []
    for route in iter_patterns():
        if is_public(route):
            continue
        url = concrete_url(route)
        response = client.get(url)
        login_redirect = response.status_code == 302 and (
            "/comptes/login/" in response["Location"] or "/admin/login/" in response["Location"]
        )
        assert login_redirect or response.status_code in (401, 403, 404, 405), (
            f"{route} -> {url} answered {response.status_code} to an anonymous visitor"
        )
        checked.append(url)
    assert len(checked) > 50, "the walk should cover the admin and the account pages"


def test_home_is_public(client):
    assert client.get("/").status_code == 200
