"""A small scripted HTTP client for checks and benchmarks against local gunicorn instances.

It behaves as if behind an HTTPS load balancer (X-Forwarded-Proto), so production settings apply unchanged,
and keeps cookies by hand because secure cookies are not sent back over plain HTTP on loopback.
"""

import base64
import hashlib
import hmac
import struct
import time

import requests


def totp_code(secret, when=None):
    """The current 6-digit TOTP code (RFC 6238, 30 s steps) for a base32 secret, as an authenticator app shows."""
    counter = int((when or time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret, casefold=True), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**6:06d}"


class Browser:
    def __init__(self):
        self.cookies = {}
        self.session = requests.Session()

    def request(self, method, base, path, **kwargs):
        secure_base = base.replace("http://", "https://")
        # Connection: close, so that no idle keep-alive connection delays a graceful stop of gunicorn.
        headers = {
            "X-Forwarded-Proto": "https",
            "Origin": secure_base,
            "Referer": secure_base + path,
            "Connection": "close",
        }
        headers.update(kwargs.pop("headers", {}))
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = self.session.request(
            method, base + path, headers=headers, allow_redirects=False, timeout=60, **kwargs
        )
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value
        self.session.cookies.clear()
        return response

    def csrf(self):
        return self.cookies.get("csrftoken", "")

    def login(self, base, email, password, totp_secret=None):
        """Log in through allauth; with a TOTP secret, answer the second step as an authenticator app would."""
        self.request("GET", base, "/comptes/login/")
        response = self.request(
            "POST",
            base,
            "/comptes/login/",
            data={"login": email, "password": password, "csrfmiddlewaretoken": self.csrf()},
        )
        if response.status_code != 302:
            raise AssertionError(f"login of {email} on {base} answered {response.status_code}")
        if totp_secret is not None:
            step = response.headers["Location"]
            if "/2fa/" not in step:
                raise AssertionError(f"login of {email} on {base} did not ask for a TOTP code ({step})")
            self.request("GET", base, step)
            response = self.request(
                "POST", base, step, data={"code": totp_code(totp_secret), "csrfmiddlewaretoken": self.csrf()}
            )
            if response.status_code != 302 or "/2fa/" in response.headers.get("Location", ""):
                raise AssertionError(f"TOTP step of {email} on {base} answered {response.status_code}")
        return self
