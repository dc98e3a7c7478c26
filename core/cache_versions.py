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
    """Invalidate every value cached under the current token: at once (the rest of this transaction reads the
    new data), and again when the transaction commits (a reader in another transaction between the change and
    the commit could have cached the old data under the new token)."""
    cache.delete(_key(*parts))
    transaction.on_commit(lambda: cache.delete(_key(*parts)))


# Published content (pages and quizzes): anything cached that shows titles, addresses or the shape of a course
# keys on this token; publishing, unpublishing, moving or deleting a page drops it (core.myspace wires it).
CONTENT = "published-content"


def content_version():
    return version(CONTENT)


def content_changed(**kwargs):
    bump(CONTENT)


# A learner's own records, per app that keeps them (progress, cases, quizzes, teams, reflections): what is cached
# per learner keys on the tokens of the apps it reads. core.invalidation holds the receivers (one per model);
# code that writes with UPDATE or bulk_create calls learner_changed() itself.
def learner_versions(user_id, apps):
    """{app: token} of a learner's records in these apps, in one call to the cache."""
    return _versions({app: _key("learner", user_id, app) for app in apps})


def team_versions(team_ids, token):
    """{team id: its `token` version} (a team's shared data: core.invalidation.team_changed drops it)."""
    return _versions({team_id: _key("team", team_id, token) for team_id in team_ids})


def _versions(keys):
    found = cache.get_many(list(keys.values()))
    missing = {key: uuid.uuid4().hex[:12] for key in keys.values() if key not in found}
    if missing:
        cache.set_many(missing, None)
        found.update(missing)
    return {name: found[key] for name, key in keys.items()}


def learner_changed(user_id, app):
    if user_id:
        bump("learner", user_id, app)
