"""A size limit on every request body, checked from its Content-Length before anything reads it.

Django caps form data held in memory (DATA_UPLOAD_MAX_MEMORY_SIZE) but writes any file upload to a temporary
file whatever its size: without this, anyone could make the server store hundreds of megabytes. The default
limit (REQUEST_MAX_BODY_SIZE) fits every form; staff uploading packages in the admin get REQUEST_MAX_UPLOAD_SIZE.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def body_limit(request):
    """The largest body this request may carry: more for staff in the admin (H5P packages, documents)."""
    if request.path.startswith("/admin/") and request.user.is_authenticated:
        from accounts.permissions import can_access_admin

        if can_access_admin(request.user):
            return settings.REQUEST_MAX_UPLOAD_SIZE
    return settings.REQUEST_MAX_BODY_SIZE


def declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def too_large(request, limit):
    megabytes = f"{limit / (1024 * 1024):.0f}"
    message = _(
        "Ce que vous avez envoyé est trop volumineux (plus de %(size)s Mo) : rien n'a été enregistré. "
        "Si vous écriviez un texte, il reste dans l'éditeur de ce navigateur ; raccourcissez-le avant de l'envoyer."
    ) % {"size": megabytes}
    if "application/json" in request.headers.get("Accept", "") or request.content_type == "application/json":
        return JsonResponse({"status": "too_large", "error": message}, status=413)
    return render(request, "413.html", {"message": message}, status=413)


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = body_limit(request)
        if declared_length(request) > limit:
            return too_large(request, limit)
        return self.get_response(request)


def carries_nul(request):
    """A NUL character in the query string, a form field or a JSON body (PostgreSQL cannot store one)."""
    if any("\x00" in value for values in request.GET.lists() for value in values[1]):
        return True
    if request.method not in ("POST", "PUT", "PATCH"):
        return False
    if request.content_type == "application/json":
        return b"\x00" in request.body or b"\\u0000" in request.body
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return any("\x00" in value for values in request.POST.lists() for value in values[1])
    return False


def nul_refused(request):
    message = _("Le texte envoyé contient un caractère invisible interdit (NUL) : rien n'a été enregistré.")
    if "application/json" in request.headers.get("Accept", "") or request.content_type == "application/json":
        return JsonResponse({"status": "refused", "error": message}, status=400)
    return render(request, "400.html", {"exception": message}, status=400)


class NulCharacterGuardMiddleware:
    """Refuses NUL characters in any text input with a clear message, instead of a database error (500)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_nul(request):
            return nul_refused(request)
        return self.get_response(request)
