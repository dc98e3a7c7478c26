"""The tool's RSA key pair: generated and stored on first use, the public half published as a JWKS."""

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.db import IntegrityError, transaction
from jwcrypto.jwk import JWK

from .models import ToolKey


def tool_key():
    """The installation's key pair, created the first time anything needs it."""
    key = ToolKey.objects.order_by("pk").first()
    if key:
        return key
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    kid = JWK.from_pem(public_pem.encode()).thumbprint()
    try:
        with transaction.atomic():
            return ToolKey.objects.create(kid=kid, private_key_pem=private_pem, public_key_pem=public_pem)
    except IntegrityError:  # two first uses at once: keep the one that won
        return ToolKey.objects.order_by("pk").first()


def public_jwks():
    """{"keys": [...]} with the public key only, as platforms fetch it."""
    key = tool_key()
    jwk = JWK.from_pem(key.public_key_pem.encode()).export_public(as_dict=True)
    return {"keys": [{**jwk, "kid": key.kid, "alg": "RS256", "use": "sig"}]}
