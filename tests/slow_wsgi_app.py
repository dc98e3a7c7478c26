"""A WSGI app that answers after a pause: the graceful-shutdown test of gunicorn (test_graceful_shutdown.py)."""

import time


def application(environ, start_response):
    time.sleep(float(environ.get("QUERY_STRING") or 0))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"fini"]
