"""Slowing down whoever tries join codes at random.

A code is six characters out of 32 (about a billion codes), so guessing one is already unlikely; still, past
MAX_MISSES unknown codes from one address within WINDOW seconds, every code lookup from that address is refused
for the rest of the window. The limit is high because a whole classroom often shares one address, and typos
happen. The address is the one allauth uses for its own login limits.
"""

from functools import wraps

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.http import Http404
from django.utils.translation import gettext as _

MAX_MISSES = 100
WINDOW = 600


def _key(request):
    return f"debrief-code-misses:{get_adapter().get_client_ip(request)}"


def is_blocked(request):
    return (cache.get(_key(request)) or 0) >= MAX_MISSES


def record_miss(request):
    key = _key(request)
    if not cache.add(key, 1, WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.add(key, 1, WINDOW)


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
