"""Signed, short-lived player tokens: one per learner, package and attempt, issued when a lesson frames a module.

The module runs in an iframe sandboxed without allow-same-origin: its documents have an opaque origin and carry
no session. The token in its URLs (/scorm/lecteur/<token>/…) lets it load its own files; the lesson page sends
it with every commit of the runtime, so a commit is accepted only for a package this learner opened recently,
and lands in the attempt the page was opened for. No database state: django.core.signing with its own salt.
"""

from dataclasses import dataclass

from django.conf import settings

from core import signed_tokens

SALT = "collectif.scorm.player"


@dataclass(frozen=True)
class PlayerGrant:
    user_id: int
    package_id: int
    attempt: int


def issue(user, package, attempt_number):
    return signed_tokens.issue(SALT, u=user.pk, p=package.pk, n=attempt_number)


def read(token):
    """The grant a token carries, or None when it is forged, expired or malformed."""
    keys = ("u", "p", "n")
    data = signed_tokens.read_ids(token, salt=SALT, max_age=settings.SCORM_PLAYER_TOKEN_MAX_AGE, keys=keys)
    return data and PlayerGrant(user_id=data["u"], package_id=data["p"], attempt=data["n"])
