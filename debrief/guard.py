"""Slowing down whoever tries join codes at random.

A code is six characters out of 32 (about a billion codes), so guessing one is already unlikely; still, past
MAX_MISSES unknown codes from one address within WINDOW seconds, every code lookup from that address is refused
for the rest of the window. The limit is high because a whole classroom often shares one address, and typos
happen. The address is the one allauth uses for its own login limits.

Guests too are limited per session and address: a guest is bound to the participant created when they joined
(its token is kept in their session cookie), so the same browser always votes as the same participant; a fresh
cookie makes a new participant, but only MAX_GUEST_JOINS times per session from one address within JOIN_WINDOW,
so that clearing cookies cannot multiply one person's votes without limit. The limit leaves room for a whole
classroom behind one address.
"""

from functools import wraps

from django.core.cache import cache
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.network import client_ip

MAX_MISSES = 100
WINDOW = 600
MAX_GUEST_JOINS = 60
JOIN_WINDOW = 3600


def _key(request):
    return f"debrief-code-misses:{client_ip(request)}"


def is_blocked(request):
    return (cache.get(_key(request)) or 0) >= MAX_MISSES


def _count(key, window):
    if not cache.add(key, 1, window):
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.add(key, 1, window)


def record_miss(request):
    _count(_key(request), WINDOW)


def _joins_key(request, session):
    return f"debrief-guest-joins:{session.pk}:{client_ip(request)}"


def may_join_as_guest(request, session):
    return (cache.get(_joins_key(request, session)) or 0) < MAX_GUEST_JOINS


def record_guest_join(request, session):
    _count(_joins_key(request, session), JOIN_WINDOW)


def too_many_joins(request, session):
    from .views.common import error

    message = _(
        "Trop de personnes ont rejoint cette séance depuis cette connexion : réessayez dans quelques minutes, "
        "ou demandez à la personne qui anime de vous aider."
    )
    return error(request, message, 429, session)


def refused(request):
    from .views.common import error

    message = _("Trop de codes inconnus ont été essayés depuis cette connexion : réessayez dans quelques minutes.")
    return error(request, message, 429)


def guard_codes(view):
    """For views that look a session up by its code: refused while the address is blocked; an unknown code
    (404) counts as a miss."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if is_blocked(request):
            return refused(request)
        try:
            return view(request, *args, **kwargs)
        except Http404:
            record_miss(request)
            raise

    return wrapper
