import time

from django.conf import settings
from django.db import connection


class ServerTimingMiddleware:
    """When COLLECTIF_TIMING_HEADERS is on (benchmarks only), report server time and query count per request."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = getattr(settings, "COLLECTIF_TIMING_HEADERS", False)

    def __call__(self, request):
        if not self.enabled:
            return self.get_response(request)
        queries = []

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        start = time.perf_counter()
        with connection.execute_wrapper(count):
            response = self.get_response(request)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        elapsed_ms = (time.perf_counter() - start) * 1000
        response["X-DB-Queries"] = str(len(queries))
        response["Server-Timing"] = f"app;dur={elapsed_ms:.1f}"
        return response
