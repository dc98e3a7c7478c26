"""Who may frame the pages of an LTI flow: the registered platforms only (CSP frame-ancestors, no X-Frame-Options).

The login and launch pages may be framed by any registered platform; after a launch, the learner's session
remembers the launching platform and the pages it opens may be framed by that platform alone.
"""

from django.conf import settings

from .models import Platform

SESSION_KEY = "lti_frame_origins"


def allow_registered_platforms(request):
    origins = set()
    for platform in Platform.objects.all():
        origins.update(platform.origins())
    request.lti_frame_origins = sorted(origins)


def remember_platform(request, platform):
    request.session[SESSION_KEY] = platform.origins()
    request.lti_frame_origins = platform.origins()


class LtiFramingMiddleware:
    """Placed after the CSP and X-Frame-Options middleware, so its mark on the response is read by them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origins = getattr(request, "lti_frame_origins", None)
        from_session = settings.SESSION_COOKIE_NAME in request.COOKIES and hasattr(request, "session")
        if origins is None and from_session and not request.path.startswith("/admin/"):
            origins = request.session.get(SESSION_KEY)
        if origins:
            replace = dict(getattr(response, "_csp_replace", None) or {})
            replace["frame-ancestors"] = ["'self'", *origins]
            response._csp_replace = replace
            response.xframe_options_exempt = True
        return response


class LtiCookieMiddleware:
    """Sessions opened by an LTI launch live in the platform's iframe, a third-party context where browsers send
    only SameSite=None cookies: their session and CSRF cookies get SameSite=None, when they are Secure (HTTPS, as
    browsers require). Every other session keeps the Lax default. Placed before SessionMiddleware, so it sees the
    cookies that middleware sets."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        names = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
        morsels = [response.cookies[name] for name in names if name in response.cookies]
        morsels = [morsel for morsel in morsels if morsel.value and morsel["secure"]]
        if morsels and _opened_by_launch(request):
            for morsel in morsels:
                morsel["samesite"] = "None"
        return response


def _opened_by_launch(request):
    session = getattr(request, "session", None)
    try:
        return session is not None and bool(session.get(SESSION_KEY))
    except Exception:  # the session store is down (a 503 page is on its way): keep the default cookies
        return False
