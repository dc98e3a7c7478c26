"""Player page (framed in lessons), its files and the xAPI endpoint of H5P activities.

The lesson page frames the player with sandbox="allow-scripts" (no allow-same-origin): the player document
has an opaque origin, so a package's script can neither read our cookies nor fetch a learner's pages. With no
session there, the player and every file it loads are reached through a signed, short-lived token
(player_tokens) in the URL; those responses allow any origin without credentials, for the player's fetch from
origin "null". The player only posts its xAPI statements to the lesson page, which sends them here with the
learner's session, CSRF token and the player token of that frame.
"""

import json
import mimetypes
import re
from pathlib import PurePosixPath

from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.decorators import csp_exempt, csp_update
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from statements.api import DuplicateStatement

from . import access, packages, player_tokens, store, xapi
from .models import H5PActivity

PLAYER_CSP = {
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "media-src": [SELF, "blob:"],
    "font-src": [SELF, "data:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
    # Sandboxed even when opened on its own, outside the lesson's iframe.
    "sandbox": ["allow-scripts"],
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
# Bound on one statement relayed by the lesson page (H5P statements are a few kilobytes).
MAX_STATEMENT_BYTES = 64 * 1024


def _activity_for_token(token):
    """The activity a valid player token opens, for a still active user; 404 otherwise (nothing to learn)."""
    grant = player_tokens.read(token)
    if grant is None or not get_user_model().objects.filter(pk=grant.user_id, is_active=True).exists():
        raise Http404
    return get_object_or_404(H5PActivity, pk=grant.activity_id)


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
    # The sandboxed player has the origin "null": it may read these files, never with credentials.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@require_GET
@csp_exempt()
def library_file(request, token, folder, path):
    """A file of a library the token's activity loads; libraries hold no personal data."""
    activity = _activity_for_token(token)
    match = LIBRARY_FOLDER.match(folder)
    if not match:
        raise Http404
    library = get_object_or_404(
        activity.libraries, machine_name=match["name"], major_version=match["major"], minor_version=match["minor"]
    )
    path, extension = _safe_relative(path, packages.CONTENT_EXTENSIONS | packages.LIBRARY_EXTRA_EXTENSIONS)
    return _file_response(lambda name: store.open_library_file(library, name), path, extension)


@require_GET
@csp_exempt()
def content_file(request, token, path):
    """h5p.json or a file under content/ of the token's activity (anything else: 404)."""
    activity = _activity_for_token(token)
    if path != "h5p.json" and not path.startswith("content/"):
        raise Http404
    path, extension = _safe_relative(path, packages.CONTENT_EXTENSIONS)
    return _file_response(lambda name: store.open_content_file(activity, name), path, extension)


@login_required
def activity(request, pk):
    """The xAPI activity IRI resolves to the player, with a token of its own."""
    activity = get_object_or_404(H5PActivity, pk=pk)
    if not access.can_play(request, activity):
        raise PermissionDenied
    return redirect("h5p:player", token=player_tokens.issue(request.user, activity))


def player_config(request, activity, token):
    """What the sandboxed player needs: paths under its token, no personal data (no actor, no e-mail)."""
    return {
        "id": str(activity.pk),
        "h5pJsonPath": reverse("h5p:content_root", args=[token]).rstrip("/"),
        "librariesPath": reverse("h5p:libraries_root", args=[token]).rstrip("/"),
        "frameJs": static("vendor/h5p-standalone/frame.bundle.js"),
        "frameCss": static("vendor/h5p-standalone/styles/h5p.css"),
        "xAPIObjectIRI": activity.get_iri(),
        "language": request.LANGUAGE_CODE,
    }


@require_GET
@xframe_options_sameorigin
@csp_update(PLAYER_CSP)
def player(request, token):
    """The page framed in lessons: loads h5p-standalone with the activity's content and libraries."""
    activity = _activity_for_token(token)
    context = {"activity": activity, "config": player_config(request, activity, token)}
    response = render(request, "h5p/player.html", context)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def folder_root(request, token):
    """Only the files below it are served; the folder itself lists nothing."""
    raise Http404


def _error(message, status):
    return JsonResponse({"error": message}, status=status)


def _refuse_constant(name):
    raise ValueError(name)


def _read_statement(request):
    """The JSON body, refusing NaN and Infinity (not JSON, and not storable)."""
    if len(request.body) > MAX_STATEMENT_BYTES:
        raise ValidationError(_("La déclaration est trop volumineuse."))
    try:
        return json.loads(request.body.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError) as error:
        raise ValidationError(
            _("Le corps de la requête n'est pas un JSON valide (les nombres doivent être finis).")
        ) from error


@require_POST
def statements(request, pk):
    """Receive one xAPI statement (JSON) relayed by the lesson page.

    403: not logged in, no valid player token for this user and activity, or not enrolled; 400: malformed;
    409: a statement with this id exists already.
    """
    if not request.user.is_authenticated:
        return _error(_("Connectez-vous pour enregistrer vos réponses."), 403)
    activity = get_object_or_404(H5PActivity, pk=pk)
    if not player_tokens.grants(request.headers.get("X-H5P-Player-Token"), request.user, activity):
        return _error(_("Le lecteur de cette activité a expiré : rechargez la page puis répondez de nouveau."), 403)
    if not access.can_play(request, activity):
        return _error(_("Vous n'avez pas accès à cette activité."), 403)
    if not access.records_progress(request.user, activity):
        return _error(_("Vos réponses ne sont enregistrées que si vous êtes inscrit·e au module."), 403)
    try:
        statement, result = xapi.record(request.user, activity, _read_statement(request))
    except PermissionDenied as error:
        return _error(str(error), 403)
    except ValidationError as error:
        return _error(" ".join(error.messages), 400)
    except DuplicateStatement:
        return _error(_("Cette déclaration a déjà été enregistrée (identifiant déjà utilisé)."), 409)
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
