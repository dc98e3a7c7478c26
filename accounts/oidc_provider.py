"""allauth's OpenID Connect provider, made ready for providers that ask more of their clients (ProConnect):

- every login sends a fresh random `nonce`, kept in allauth's login state and compared with the ID token's
  (accounts.social_adapter.nonce_matches): a replayed ID token is refused;
- a userinfo answer given as a signed JWT (`application/jwt`) is read like a JSON one (userinfo_jwt_as_json).

Used through SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"] (collectif/settings/oidc.py).
"""

import json
import secrets

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider

NONCE_STATE_KEY = "oidc_nonce"


class NonceOpenIDConnectProvider(OpenIDConnectProvider):
    # allauth finds the provider's URLs and views through its package: those of its own OpenID Connect provider.
    package = "allauth.socialaccount.providers.openid_connect"

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        auth_params = {**auth_params, "nonce": nonce}
        # Extra keyword arguments end up in the state allauth stashes in the session for the callback.
        kwargs[NONCE_STATE_KEY] = nonce
        return super().redirect(request, process, next_url, data, auth_params=auth_params, **kwargs)


def userinfo_jwt_as_json(response, *args, **kwargs):
    """A requests response hook. Some providers (ProConnect) answer the userinfo request with a signed JWT instead of
    JSON. That answer comes straight from the provider's userinfo endpoint over TLS, in exchange for our access
    token, which authenticates it as it does the ID token fetched the same way (OpenID Connect Core 3.1.3.7, which
    allauth relies on too): its claims are handed on as JSON."""
    import jwt

    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type != "application/jwt" or not response.ok:
        return response
    claims = jwt.decode(response.text.strip(), options={"verify_signature": False})
    response._content = json.dumps(claims).encode()
    response.headers["Content-Type"] = "application/json"
    return response
