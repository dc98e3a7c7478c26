"""A real OpenID Connect provider for tests: oidc-provider-mock, started on the loopback by the test itself.

Any client id and secret are accepted; a person is whoever the test names (`sub`), with the claims the test gives."""

import contextlib
import copy
import json
from urllib.parse import quote

import httpx
import oidc_provider_mock
from django.conf import settings
from django.test import override_settings

from collectif.settings.oidc import provider_origins, socialaccount_providers

PROVIDER_ID = "test-idp"
PROVIDER_NAME = "Annuaire de test"


@contextlib.contextmanager
def running_provider():
    # Like ProConnect, the provider refuses a login request without a nonce.
    with oidc_provider_mock.run_server_in_thread(require_nonce=True) as server:
        yield f"http://localhost:{server.server_port}"


def provider_settings(server_url, **extra):
    """SOCIALACCOUNT_PROVIDERS for one provider at server_url, built as production builds it (OIDC_PROVIDERS)."""
    entry = {
        "id": PROVIDER_ID,
        "name": PROVIDER_NAME,
        "server_url": server_url,
        "client_id": "collectif",
        "secret": "secret-de-test",
        "scopes": ["openid", "email", "profile"],
        **extra,
    }
    providers = socialaccount_providers(json.dumps([entry]))
    csp = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    csp["DIRECTIVES"]["form-action"] = [*csp["DIRECTIVES"]["form-action"], *provider_origins(providers)]
    return override_settings(SOCIALACCOUNT_PROVIDERS=providers, CONTENT_SECURITY_POLICY=csp)


def set_identity(server_url, sub, **claims):
    response = httpx.put(f"{server_url}/users/{quote(sub)}", json=claims)
    assert response.status_code == 204, response.text
