"""The client's address, the same for every rate limit (allauth's login limits, live-session join limits)."""

from allauth.account.adapter import get_adapter


def client_ip(request):
    """The address allauth keys its limits on: REMOTE_ADDR, or the X-Forwarded-For entry added by the outermost
    of ALLAUTH_TRUSTED_PROXY_COUNT trusted proxies (set from COLLECTIF_TRUSTED_PROXY_COUNT)."""
    return get_adapter(request).get_client_ip(request)
