"""Player page (framed in lessons), unpacked files and the xAPI endpoint of H5P activities.

Only the player page gets the loose CSP H5P libraries need ('unsafe-inline', 'unsafe-eval'); it runs
in its own same-origin iframe so the lesson page around it keeps the strict policy. Unpacked files are
served from storage with a policy that forbids scripts if one is opened directly.
"""

import json
import mimetypes
import re
from pathlib import PurePosixPath

from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.decorators import csp_exempt, csp_update
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from statements.api import actor_for

from . import access, packages, store, xapi
from .models import H5PActivity, H5PLibrary

PLAYER_CSP = {
    "script-src": [UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "media-src": [SELF, "blob:"],
    "font-src": [SELF, "data:"],
    "frame-src": [SELF],
}
# For files opened on their own (an SVG, a JSON…): no script, sandboxed, framed only by our pages.
FILE_CSP = (
    f"default-src {NONE}; img-src {SELF} data:; media-src {SELF}; style-src {UNSAFE_INLINE}; "
    f"font-src {SELF} data:; frame-ancestors {SELF}; sandbox"
)
CONTENT_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "svg": "image/svg+xml",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "vtt": "text/vtt; charset=utf-8",
    "webvtt": "text/vtt; charset=utf-8",
    "md": "text/plain; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}
LIBRARY_FOLDER = re.compile(r"^(?P<name>[\w.-]+)-(?P<major>\d+)\.(?P<minor>\d+)$")


def _playable_activity(request, pk):
    activity = get_object_or_404(H5PActivity, pk=pk)
    if not access.can_play(request, activity):
        raise PermissionDenied
    return activity


def _safe_relative(path, allowed_extensions):
    """A stored file path from the URL: no traversal, an extension H5P allows, else 404."""
    if not path or packages._name_problem(path) or path.endswith("/"):
        raise Http404
    extension = PurePosixPath(path).suffix[1:].lower()
    if extension not in allowed_extensions:
        raise Http404
    return path, extension


def _file_response(opener, path, extension):
    try:
        handle = opener(path)
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    content_type = CONTENT_TYPES.get(extension) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Content-Security-Policy"] = FILE_CSP
    response["Cache-Control"] = "private, max-age=3600"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@require_GET
@login_required
@csp_exempt()
def library_file(request, folder, path):
    """A file of a stored library, for the player; libraries hold no personal data."""
    match = LIBRARY_FOLDER.match(folder)
    if not match:
        raise Http404
    library = get_object_or_404(
        H5PLibrary, machine_name=match["name"], major_version=match["major"], minor_version=match["minor"]
    )
    path, extension = _safe_relative(path, packages.CONTENT_EXTENSIONS | packages.LIBRARY_EXTRA_EXTENSIONS)
    return _file_response(lambda name: store.open_library_file(library, name), path, extension)


@require_GET
@login_required
@csp_exempt()
def content_file(request, pk, path):
    """h5p.json or a file under content/ of an activity the user may play (others: 404)."""
    activity = get_object_or_404(H5PActivity, pk=pk)
    if not access.can_play(request, activity):
        raise Http404
    if path != "h5p.json" and not path.startswith("content/"):
        raise Http404
    path, extension = _safe_relative(path, packages.CONTENT_EXTENSIONS)
    return _file_response(lambda name: store.open_content_file(activity, name), path, extension)


@login_required
def activity_libraries_root(request):
    """Only the files below it are served; the folder itself lists nothing."""
    raise Http404


@login_required
def activity(request, pk):
    """The xAPI activity IRI resolves to the player."""
    return redirect("h5p:player", pk=_playable_activity(request, pk).pk)


def player_config(request, activity):
    return {
        "id": str(activity.pk),
        "h5pJsonPath": reverse("h5p:content_root", args=[activity.pk]).rstrip("/"),
        "librariesPath": reverse("h5p:libraries_root").rstrip("/"),
        "frameJs": static("vendor/h5p-standalone/frame.bundle.js"),
        "frameCss": static("vendor/h5p-standalone/styles/h5p.css"),
        "xAPIObjectIRI": activity.get_iri(),
        "statementsUrl": reverse("h5p:statements", args=[activity.pk]),
        "actor": actor_for(request.user),
        "language": request.LANGUAGE_CODE,
    }


@login_required
@xframe_options_sameorigin
@csp_update(PLAYER_CSP)
def player(request, pk):
    """The page framed in lessons: loads h5p-standalone with the activity's content and the library store."""
    activity = _playable_activity(request, pk)
    return render(request, "h5p/player.html", {"activity": activity, "config": player_config(request, activity)})


@require_POST
def statements(request, pk):
    """Receive one xAPI statement (JSON) from the player. 403: not allowed; 400: malformed."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Connectez-vous pour enregistrer vos réponses.")}, status=403)
    activity = get_object_or_404(H5PActivity, pk=pk)
    if not access.can_play(request, activity):
        return JsonResponse({"error": _("Vous n'avez pas accès à cette activité.")}, status=403)
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return JsonResponse({"error": _("Le corps de la requête n'est pas un JSON valide.")}, status=400)
    try:
        statement, result = xapi.record(request.user, activity, data)
    except PermissionDenied as error:
        return JsonResponse({"error": str(error)}, status=403)
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    body = {"id": str(statement.statement_id), "activity": activity.pk}
    if result is not None:
        body["progress"] = {
            "status": result.status,
            "completed": result.is_completed,
            "score": result.score,
            "label": progress_label(result),
        }
    return JsonResponse(body, status=201)


def progress_label(result):
    """The sentence shown under the activity in the lesson (also used by the block template)."""
    if result is None:
        return _("Activité pas encore faite.")
    if result.is_completed and result.score is not None:
        return _("Activité terminée · meilleur score : %(score)s %%") % {"score": round(result.score * 100)}
    if result.is_completed:
        return _("Activité terminée.")
    return _("Activité commencée.")
