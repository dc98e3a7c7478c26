"""Participants' pages: join with the code, then follow the trainer's pace and vote.

The participant screen follows the session by polling a small state endpoint every 2 seconds (live.js):
plain HTTP requests that run the same under `runserver` and behind gunicorn's sync workers, with no
WebSocket layer or long-lived connection to hold a worker. The state lives on the server, so a reload or a
network drop loses nothing; without JavaScript an "Actualiser" link does the same.
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import guard, live
from ..forms import GuestForm, JoinCodeForm
from ..guard import guard_codes, record_miss
from .common import error, node_state, session_or_404

GUEST_KEY = "debrief_guests"


def _token(request, session):
    return request.session.get(GUEST_KEY, {}).get(session.code)


def _participant(request, session):
    return live.find_participant(session, request.user, _token(request, session))


@require_http_methods(["GET", "POST"])
@guard_codes
def join(request):
    """/seance/: type the code shown in the room."""
    form = JoinCodeForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            return redirect("debrief:room", code=form.cleaned_data["code"])
        if "code" in form.errors:
            record_miss(request)
        return render(request, "debrief/join.html", {"form": form}, status=400)
    return render(request, "debrief/join.html", {"form": form})


def _identity(request, session, form=None, message="", status=200):
    return render(
        request,
        "debrief/identity.html",
        {"session": session, "form": form or GuestForm(), "message": message},
        status=status,
    )


@require_GET
@guard_codes
def room(request, code):
    """The participant screen; before joining, the choice of how to join."""
    session = session_or_404(code)
    participant = _participant(request, session)
    if participant is None:
        if session.is_ended:
            return error(request, _("Cette séance est terminée : il n'est plus possible de la rejoindre."), 400)
        return _identity(request, session)
    return render(request, "debrief/room.html", node_state(session, participant))


@require_POST
@guard_codes
def enter(request, code):
    session = session_or_404(code)
    if _participant(request, session) is not None:
        return redirect("debrief:room", code=session.code)
    as_account = request.POST.get("compte") == "1" and request.user.is_authenticated
    form = None if as_account else GuestForm(request.POST)
    if form is not None and not form.is_valid():
        return _identity(request, session, form, status=400)
    try:
        if as_account:
            live.join(session, user=request.user)
        else:
            if not guard.may_join_as_guest(request, session):
                return guard.too_many_joins(request, session)
            participant = live.join(session, pseudonym=form.cleaned_data["pseudonym"])
            guard.record_guest_join(request, session)
            request.session[GUEST_KEY] = {**request.session.get(GUEST_KEY, {}), session.code: participant.token}
    except live.LiveError as failure:
        return _identity(request, session, form, failure.message, failure.status)
    return redirect("debrief:room", code=session.code)


@require_POST
@guard_codes
def vote(request, code):
    session = session_or_404(code)
    participant = _participant(request, session)
    if participant is None:
        return error(request, _("Rejoignez d'abord la séance pour voter."), 403, session)
    try:
        _vote, created = live.cast_vote(
            session,
            participant,
            request.POST.get("node", ""),
            request.POST.get("choice", ""),
            request.POST.get("comment", ""),
        )
    except live.LiveError as failure:
        session.refresh_from_db()
        context = {**node_state(session, participant), "vote_error": failure.message}
        return render(request, "debrief/room.html", context, status=failure.status)
    messages.success(request, _("Votre vote est enregistré.") if created else _("Votre vote est modifié."))
    return redirect("debrief:room", code=session.code)


@require_GET
@guard_codes
def state(request, code):
    """The participant fragment as JSON {version, html}: live.js redraws the screen when version changes."""
    session = session_or_404(code)
    participant = _participant(request, session)
    if participant is None:
        return JsonResponse({"error": _("Vous ne participez pas à cette séance.")}, status=403)
    context = node_state(session, participant)
    html = render_to_string("debrief/includes/participant_state.html", context, request=request)
    return JsonResponse({"version": context["version"], "html": html, "ended": session.is_ended})
