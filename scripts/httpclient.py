"""A small scripted HTTP client for checks and benchmarks against local gunicorn instances.

It behaves as if behind an HTTPS load balancer (X-Forwarded-Proto), so production settings apply unchanged,
and keeps cookies by hand because secure cookies are not sent back over plain HTTP on loopback.
"""

import requests


class Browser:
    def __init__(self):
        self.cookies = {}
        self.session = requests.Session()

    def request(self, method, base, path, **kwargs):
        secure_base = base.replace("http://", "https://")
        headers = {"X-Forwarded-Proto": "https", "Origin": secure_base, "Referer": secure_base + path}
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

    def login(self, base, email, password):
        self.request("GET", base, "/comptes/login/")
        response = self.request(
            "POST",
            base,
            "/comptes/login/",
            data={"login": email, "password": password, "csrfmiddlewaretoken": self.csrf()},
        )
        if response.status_code != 302:
            raise AssertionError(f"login of {email} on {base} answered {response.status_code}")
        return self
