"""Generational cache keys on Django's cache: a computed value is stored under a key that includes a version
token; changing the data drops the token, so the next reader computes afresh and old entries simply expire.

    key = f"team-figures:{team.pk}:{version('team', team.pk)}"
    ...
    bump("team", team.pk)  # in a signal receiver, when the team's data changed
"""

import uuid

from django.core.cache import cache
from django.db import transaction


def _key(*parts):
    return "version:" + ":".join(str(part) for part in parts)


def version(*parts):
    """The current token for this piece of data (created on first use, kept until bumped)."""
    return cache.get_or_set(_key(*parts), lambda: uuid.uuid4().hex[:12], None)


def bump(*parts):
    """Invalidate every value cached under the current token, once the transaction commits (a reader between
    the change and the commit would otherwise cache the old figures under the new token)."""
    transaction.on_commit(lambda: cache.delete(_key(*parts)))
