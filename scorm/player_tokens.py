"""Signed, short-lived player tokens: one per learner, package and attempt, issued when a lesson frames a module.

The module runs in an iframe sandboxed without allow-same-origin: its documents have an opaque origin and carry
no session. The token in its URLs (/scorm/lecteur/<token>/…) lets it load its own files; the lesson page sends
it with every commit of the runtime, so a commit is accepted only for a package this learner opened recently,
and lands in the attempt the page was opened for. No database state: django.core.signing with its own salt.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "collectif.scorm.player"


@dataclass(frozen=True)
class PlayerGrant:
    user_id: int
    package_id: int
    attempt: int


def issue(user, package, attempt_number):
    return signing.dumps({"u": user.pk, "p": package.pk, "n": attempt_number}, salt=SALT)


def read(token):
    """The grant a token carries, or None when it is forged, expired or malformed."""
    if not isinstance(token, str) or not token or len(token) > 500:
        return None
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.SCORM_PLAYER_TOKEN_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    if not isinstance(data, dict) or not all(isinstance(data.get(key), int) for key in ("u", "p", "n")):
        return None
    return PlayerGrant(user_id=data["u"], package_id=data["p"], attempt=data["n"])
