"""A database that does not answer gives 503 with Retry-After (JSON for JSON endpoints), not a 500 page.

Django's handler500 is called while the exception is being handled, wherever it was raised (a view, a template,
a middleware reading the session or the user), so this one view covers every path. Its pages are rendered
without a request context: nothing here may touch the database.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
JSON_MESSAGE = "Service momentanément indisponible : réessayez dans une minute."


def database_unreachable():
    error = sys.exc_info()[1]
    return isinstance(error, (OperationalError, InterfaceError))


def wants_json(request):
    accept = request.headers.get("Accept", "")
    content_type = request.headers.get("Content-Type", "")
    return "application/json" in accept or content_type.startswith("application/json")


def server_error_or_unavailable(request, template_name="500.html"):
    """handler500: 503 with Retry-After while the database is unreachable, Django's 500 page otherwise."""
    if not database_unreachable():
        return server_error(request, template_name)
    logger.error("Database unreachable on %s %s: 503", request.method, request.path)
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if wants_json(request):
        return JsonResponse({"error": JSON_MESSAGE}, status=503, headers=headers)
    try:
        body = render_to_string("503.html")
    except Exception:  # noqa: BLE001 - the outage page must answer whatever else is broken
        return HttpResponse(JSON_MESSAGE, status=503, headers=headers, content_type="text/plain; charset=utf-8")
    return HttpResponse(body, status=503, headers=headers)
