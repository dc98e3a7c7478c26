"""Identity providers for single sign-on (OpenID Connect), read from the environment: nothing external is written
in the code. OIDC_PROVIDERS holds a JSON list, one object per provider (README, « Connexion unique »):

    [{"id": "proconnect", "name": "ProConnect", "server_url": "https://…", "client_id": "…",
      "secret_env": "OIDC_PROCONNECT_SECRET", "scopes": ["openid", "email", "given_name", "usual_name", "siret"],
      "acr_values": ["eidas1"]}]

The secret is given inline ("secret") or, better, by the name of another variable ("secret_env").
"""

import json
import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

PROVIDER_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}
REQUIRED_KEYS = ("id", "name", "server_url", "client_id")
KNOWN_KEYS = {
    *REQUIRED_KEYS,
    *("secret", "secret_env", "scopes", "acr_values", "verified_email", "token_auth_method", "fetch_userinfo"),
}


def socialaccount_providers(raw, environ=None):
    """SOCIALACCOUNT_PROVIDERS for the JSON text of OIDC_PROVIDERS."""
    return {
        "openid_connect": {
            # Sends and checks a nonce, reads userinfo given as a JWT (ProConnect): accounts/oidc_provider.py.
            "provider_class": "accounts.oidc_provider.NonceOpenIDConnectProvider",
            "APPS": oidc_apps(raw, environ),
        }
    }


def provider_origins(providers):
    """The origins of the providers' servers. The login page's form posts to us and we answer with a redirect to the
    provider: browsers check that redirect against the page's CSP form-action, which must therefore name them."""
    origins = []
    for app in providers.get("openid_connect", {}).get("APPS", []):
        url = urlsplit(app["settings"]["server_url"])
        origin = f"{url.scheme}://{url.netloc}"
        if origin not in origins:
            origins.append(origin)
    return origins


def oidc_apps(raw, environ=None):
    """The `APPS` list of SOCIALACCOUNT_PROVIDERS["openid_connect"] for the JSON text `raw` (empty: no provider).

    Refuses, at start-up rather than at the first login, a malformed list, a duplicate or odd id, a missing secret
    and a server address that is not https (plain http is accepted on the loopback only, for tests)."""
    if not raw or not raw.strip():
        return []
    environ = environ if environ is not None else {}
    try:
        entries = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"OIDC_PROVIDERS is not valid JSON: {error}") from error
    if isinstance(entries, dict):
        entries = [entries]
    if not isinstance(entries, list):
        raise ImproperlyConfigured("OIDC_PROVIDERS must be a JSON list of providers.")
    apps, seen = [], set()
    for entry in entries:
        apps.append(_app(entry, environ))
        if entry["id"] in seen:
            raise ImproperlyConfigured(f"OIDC_PROVIDERS: the id {entry['id']!r} is used twice.")
        seen.add(entry["id"])
    return apps


def _app(entry, environ):
    if not isinstance(entry, dict):
        raise ImproperlyConfigured("OIDC_PROVIDERS: each provider is a JSON object.")
    missing = [key for key in REQUIRED_KEYS if not entry.get(key)]
    if missing:
        raise ImproperlyConfigured(f"OIDC_PROVIDERS: {', '.join(missing)} missing in {entry.get('id', entry)!r}.")
    unknown = set(entry) - KNOWN_KEYS
    if unknown:
        raise ImproperlyConfigured(f"OIDC_PROVIDERS: unknown keys {sorted(unknown)} in {entry['id']!r}.")
    provider_id = entry["id"]
    if not PROVIDER_ID.match(provider_id):
        raise ImproperlyConfigured(
            f"OIDC_PROVIDERS: id {provider_id!r} must be lower-case letters, digits, - or _ (it is part of URLs)."
        )
    url = urlsplit(entry["server_url"])
    if not url.hostname or not (url.scheme == "https" or (url.scheme == "http" and url.hostname in LOOPBACK_HOSTS)):
        raise ImproperlyConfigured(f"OIDC_PROVIDERS: server_url of {provider_id!r} must be an https address.")
    secret = entry.get("secret") or environ.get(entry.get("secret_env") or "", "")
    if not secret:
        raise ImproperlyConfigured(f"OIDC_PROVIDERS: no secret for {provider_id!r} (give secret or secret_env).")
    scopes = entry.get("scopes") or ["openid", "email", "profile"]
    if isinstance(scopes, str):
        scopes = scopes.split()
    if "openid" not in scopes:
        scopes = ["openid", *scopes]
    acr_values = entry.get("acr_values") or []
    if isinstance(acr_values, str):
        acr_values = acr_values.split()
    settings = {"server_url": entry["server_url"], "scope": list(scopes), "oauth_pkce_enabled": True}
    if acr_values:
        # Asked for at the provider, then checked on the ID token (accounts.social_adapter): asking is not enough,
        # the answer must say the level was reached.
        settings["auth_params"] = {"acr_values": " ".join(acr_values)}
        settings["required_acr"] = list(acr_values)
    if "verified_email" in entry:
        # allauth's own setting: true, or a list of domains, for a provider that vouches for its addresses without
        # an email_verified claim (ProConnect: the agent's organisation issued the address).
        verified = entry["verified_email"]
        if not isinstance(verified, bool | list):
            raise ImproperlyConfigured(f"OIDC_PROVIDERS: verified_email of {provider_id!r} is true, false or a list.")
        settings["verified_email"] = verified
    if entry.get("token_auth_method"):
        settings["token_auth_method"] = entry["token_auth_method"]
    if "fetch_userinfo" in entry:
        settings["fetch_userinfo"] = bool(entry["fetch_userinfo"])
    return {
        "provider_id": provider_id,
        "name": entry["name"],
        "client_id": entry["client_id"],
        "secret": secret,
        "settings": settings,
    }
