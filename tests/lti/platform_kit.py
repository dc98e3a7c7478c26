"""A simulated LTI 1.3 platform for tests: its own RSA keys, its JWKS served through `responses`, and id_tokens
it signs with PyJWT as Moodle or Canvas would."""

import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import jwt
import responses
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwcrypto.jwk import JWK

from lti.models import Platform

ISSUER = "https://moodle.example.org"
CLIENT_ID = "collectif-client"
DEPLOYMENT_ID = "deploiement-1"
LTI = "https://purl.imsglobal.org/spec/lti/claim/"


def rsa_pem():
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@dataclass
class SimulatedPlatform:
    issuer: str = ISSUER
    client_id: str = CLIENT_ID
    kid: str = "plateforme-cle-1"
    private_pem: str = field(default_factory=rsa_pem)

    @property
    def key_set_url(self):
        return f"{self.issuer}/mod/lti/certs.php"

    def register(self):
        return Platform.objects.create(
            name="Moodle de test",
            issuer=self.issuer,
            client_id=self.client_id,
            deployment_ids=f"{DEPLOYMENT_ID}\nautre-deploiement",
            auth_login_url=f"{self.issuer}/mod/lti/auth.php",
            auth_token_url=f"{self.issuer}/mod/lti/token.php",
            key_set_url=self.key_set_url,
        )

    def jwks(self):
        public = JWK.from_pem(self.private_pem.encode()).export_public(as_dict=True)
        return {"keys": [{**public, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def serve_jwks(self, mock):
        mock.add(responses.GET, self.key_set_url, json=self.jwks())

    def initiate_login(self, client, target="", **extra):
        """The platform's third-party login initiation; returns the (state, nonce) our tool sent back."""
        params = {"iss": self.issuer, "login_hint": "utilisateur-42", "target_link_uri": target, **extra}
        params.setdefault("client_id", self.client_id)
        response = client.get("/lti/login/", params)
        assert response.status_code == 302, response.content
        location = urlsplit(response["Location"])
        assert f"{location.scheme}://{location.netloc}{location.path}" == f"{self.issuer}/mod/lti/auth.php"
        query = {key: values[0] for key, values in parse_qs(location.query).items()}
        assert query["redirect_uri"] == "http://testserver/lti/launch/"
        assert query["client_id"] == self.client_id
        return query["state"], query["nonce"]

    def claims(self, nonce, target="", sub="etudiant-7", **overrides):
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "azp": self.client_id,
            "sub": sub,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "given_name": "Alex",
            "family_name": "Martin",
            "name": "Alex Martin",
            "email": "alex.martin@example.org",
            LTI + "deployment_id": DEPLOYMENT_ID,
            LTI + "message_type": "LtiResourceLinkRequest",
            LTI + "version": "1.3.0",
            LTI + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
            LTI + "resource_link": {"id": str(uuid.uuid4())},
            LTI + "target_link_uri": target,
        }
        claims.update(overrides)
        return claims

    def id_token(self, claims, private_pem=None, kid=None):
        return jwt.encode(claims, private_pem or self.private_pem, algorithm="RS256", headers={"kid": kid or self.kid})

    def launch(self, client, target, sub="etudiant-7", token_claims=None, **token_kwargs):
        """Login initiation, then the form post of a signed id_token to our launch URL."""
        state, nonce = self.initiate_login(client, target)
        claims = self.claims(nonce, target, sub=sub, **(token_claims or {}))
        token = self.id_token(claims, **token_kwargs)
        return client.post("/lti/launch/", {"id_token": token, "state": state}), token, state
