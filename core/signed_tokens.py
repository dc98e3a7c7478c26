"""Signed, short-lived tokens carrying a few integer ids (player URLs of sandboxed activities).

No database state: django.core.signing with a salt per use and a maximum age. Reading never raises: a forged,
expired or malformed token is simply None.
"""

from django.core import signing

MAX_TOKEN_LENGTH = 500


def issue(salt, **ids):
    return signing.dumps(ids, salt=salt)


def read_ids(token, *, salt, max_age, keys):
    """The integer ids a token carries under `keys`, or None when it is forged, expired or malformed."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    if not isinstance(data, dict) or not all(type(data.get(key)) is int for key in keys):
        return None
    return data
