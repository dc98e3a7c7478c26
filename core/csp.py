from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class CollectifCSPMiddleware(CSPMiddleware):
    """Strict CSP everywhere; the Wagtail admin (trusted authors only) gets the extras it needs."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or not request.path.startswith("/admin/"):
            return parts
        update = {**(parts.update or {}), **settings.ADMIN_CONTENT_SECURITY_POLICY_EXTRA}
        return PolicyParts(parts.config, update, parts.replace, parts.nonce)
