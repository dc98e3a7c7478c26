"""The files of a SCORM module (framed in lessons, under a player token) and the endpoint its runtime commits to.

The lesson frames the module's launch page with sandbox="allow-scripts" (no allow-same-origin): its documents
have an opaque origin, so a package's script can neither read our cookies nor fetch a learner's pages. Every
HTML page of the package is served with a small prelude that installs scorm-again's cross-frame API as
`window.API` / `window.API_1484_11`, pre-filled with where the learner left off; the calls go by postMessage
to the real runtime on the lesson page, which commits to `commit` with the learner's session, CSRF token
and the frame's player token.
"""

import json
import mimetypes
import re
from pathlib import PurePosixPath

from csp.decorators import csp_exempt
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.permissions import is_trainer
from core.archives import name_problem
from progress import activity_access

from . import player_tokens, runtime, store
from .blocks import player_context
from .models import ScormPackage
from .packages import ALLOWED_EXTENSIONS

# The module's own pages: its scripts may run (sandboxed: opaque origin), framed only by our lessons.
PAGE_CSP = (
    "default-src 'self' data: blob:; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; "
    "form-action 'none'; sandbox allow-scripts"
)
# Other files opened on their own (an SVG, a PDF…): no script at all.
FILE_CSP = (
    "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; "
    "font-src 'self' data:; frame-ancestors 'self'; sandbox"
)
HTML_EXTENSIONS = {"html", "htm", "xhtml"}
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "htm": "text/html; charset=utf-8",
    "xhtml": "application/xhtml+xml; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "mjs": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "svg": "image/svg+xml",
    "vtt": "text/vtt; charset=utf-8",
    "webvtt": "text/vtt; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "md": "text/plain; charset=utf-8",
}
HEAD_TAG = re.compile(rb"<head(\s[^>]*)?>", re.IGNORECASE)
# A commit is the flattened CMI: suspend data (64,000 characters at most) and a few hundred short elements.
MAX_COMMIT_BYTES = 256 * 1024


def _grant_for(token):
    """(grant, package) for a valid token of a still active user; 404 otherwise (nothing to learn)."""
    grant = player_tokens.read(token)
    if grant is None or not get_user_model().objects.filter(pk=grant.user_id, is_active=True).exists():
        raise Http404
    return grant, get_object_or_404(ScormPackage, pk=grant.package_id)


def _safe_path(path):
    if not path or name_problem(path) or path.endswith("/"):
        raise Http404
    extension = PurePosixPath(path).suffix[1:].lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise Http404
    return extension


def _prelude(grant, package):
    """The scripts put at the top of every page of the module: the cross-frame API, filled with launch data."""
    learner = get_user_model().objects.get(pk=grant.user_id)
    launch = json.dumps(runtime.launch_data(learner, package, grant.attempt)).replace("<", "\\u003c")
    return (
        f'<script type="application/json" id="collectif-scorm-launch">{launch}</script>'
        f'<script src="{escape(static("vendor/scorm-again/cross-frame-api.min.js"))}"></script>'
        f'<script src="{escape(static("scorm/content.js"))}"></script>'
    ).encode()


def _with_prelude(html, prelude):
    match = HEAD_TAG.search(html)
    if match:
        return html[: match.end()] + prelude + html[match.end() :]
    return prelude + html


@require_GET
@csp_exempt()
def player_file(request, token, path):
    """A file of the module the token opens; its HTML pages get the runtime prelude."""
    grant, package = _grant_for(token)
    extension = _safe_path(path)
    try:
        handle = store.open_file(package, path)
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    content_type = CONTENT_TYPES.get(extension) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    if extension in HTML_EXTENSIONS:
        with handle:
            response = HttpResponse(_with_prelude(handle.read(), _prelude(grant, package)), content_type=content_type)
        response["Content-Security-Policy"] = PAGE_CSP
        response["Cache-Control"] = "private, no-store"
    else:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Security-Policy"] = FILE_CSP
        response["Cache-Control"] = "private, max-age=3600"
    # The sandboxed module has the origin "null": it may read its files, never with credentials.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response


def can_play(request, package):
    user = request.user
    if not user.is_authenticated:
        return False
    return is_trainer(user) or activity_access.in_a_visible_lesson(request, package.activity_key)


@login_required
def activity(request, pk):
    """The module on its own page (the xAPI activity IRI, and a preview for trainers)."""
    package = get_object_or_404(ScormPackage, pk=pk)
    if not can_play(request, package):
        raise PermissionDenied
    context = {**player_context(package, request.user), "value": {"package": package, "required": False}}
    return render(request, "scorm/activity.html", context)


def _refuse(message, status):
    return JsonResponse({"result": "false", "errorCode": 101, "error": message}, status=status)


def _read_commit(request):
    if len(request.body) > MAX_COMMIT_BYTES:
        raise ValidationError(_("L'envoi du module est trop volumineux."))
    try:
        return json.loads(request.body.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError) as error:
        raise ValidationError(_("L'envoi du module n'est pas un JSON valide.")) from error


def _refuse_constant(name):
    raise ValueError(name)


@require_POST
def commit(request, pk):
    """Receive one commit of the runtime (flattened CMI as JSON), sent by the lesson page.

    403: not logged in, no valid player token for this user and package, or no access; 400: malformed.
    A trainer previewing a module they are not enrolled in gets a success that stores nothing.
    """
    if not request.user.is_authenticated:
        return _refuse(_("Vous êtes déconnecté·e : reconnectez-vous pour enregistrer votre progression."), 403)
    package = get_object_or_404(ScormPackage, pk=pk)
    grant = player_tokens.read(request.headers.get("X-Scorm-Player-Token"))
    if grant is None or grant.user_id != request.user.pk or grant.package_id != package.pk:
        return _refuse(_("Le lecteur de ce module a expiré : rechargez la page pour continuer."), 403)
    if not can_play(request, package):
        return _refuse(_("Vous n'avez pas accès à ce module."), 403)
    counts = activity_access.counts_for_progress(request.user, package.activity_key)
    if not counts and not is_trainer(request.user):
        return _refuse(_("Votre progression n'est enregistrée que si vous êtes inscrit·e au module."), 403)
    try:
        data = _read_commit(request)
        terminate = isinstance(data, dict) and data.pop("terminate", False) is True
        if counts:
            attempt = runtime.commit(request.user, package, grant.attempt, data, terminate=terminate)
        else:
            runtime.read_commit(package.version, data)  # a trainer's preview: checked, not stored
            attempt = None
    except ValidationError as error:
        return _refuse(" ".join(error.messages), 400)
    return JsonResponse({"result": "true", "errorCode": 0, "label": progress_label(attempt)})


def progress_label(attempt):
    """The sentence shown under the module in the lesson (also used by the block template)."""
    if attempt is None:
        return _("Module pas encore commencé.")
    if attempt.completion_status == "completed" and attempt.score_scaled is not None:
        return _("Module terminé · score : %(score)s %%") % {"score": round(attempt.score_scaled * 100)}
    if attempt.completion_status == "completed":
        return _("Module terminé.")
    return _("Module commencé : vous pouvez le reprendre là où vous l'avez laissé.")
