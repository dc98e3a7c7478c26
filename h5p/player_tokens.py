"""Signed, short-lived player tokens: one per learner and activity, issued when a lesson page frames the player.

The player runs in an iframe sandboxed without allow-same-origin: its document has an opaque origin and
carries no session. The token in its URLs (/h5p/lecteur/<token>/…) is what lets it load its own files, and the
lesson page sends it with every statement it relays, so a statement is accepted only for an activity this
learner opened recently. No database state: django.core.signing with its own salt and a maximum age.
"""

from dataclasses import dataclass

from django.conf import settings

from core import signed_tokens

SALT = "collectif.h5p.player"


@dataclass(frozen=True)
class PlayerGrant:
    user_id: int
    activity_id: int


def issue(user, activity):
    return signed_tokens.issue(SALT, u=user.pk, a=activity.pk)


def read(token):
    """The grant a token carries, or None when it is forged, expired or malformed."""
    data = signed_tokens.read_ids(token, salt=SALT, max_age=settings.H5P_PLAYER_TOKEN_MAX_AGE, keys=("u", "a"))
    return data and PlayerGrant(user_id=data["u"], activity_id=data["a"])


def grants(token, user, activity):
    """Whether the token was issued to this user for this activity and is still valid."""
    grant = read(token)
    return grant is not None and grant.user_id == user.pk and grant.activity_id == activity.pk
