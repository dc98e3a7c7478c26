"""What both screens share: finding a session by its code, the state of the current node, the QR code."""

import segno
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import live, results
from ..models import LiveSession, Vote


def session_or_404(code, queryset=None):
    queryset = LiveSession.objects.all() if queryset is None else queryset
    return get_object_or_404(queryset.select_related("case", "revision"), code=live.normalise_code(code))


def error(request, message, status=400, session=None):
    return render(request, "debrief/error.html", {"message": message, "session": session}, status=status)


def node_state(session, participant=None):
    """The current node as both screens show it: stage, choices with letters, split and feedback if revealed."""
    now = timezone.now()
    stage = live.effective_stage(session, now)
    node = session.current_node
    step = live.current_step(session)
    context = {
        "session": session,
        "stage": stage,
        "Stage": LiveSession.Stage,
        "node": node,
        "step": step,
        "vote_open": live.is_vote_open(session, now),
        "deadline": session.deadline if stage == LiveSession.Stage.VOTING else None,
        "version": f"{session.version}-{stage}",
    }
    if node is not None and not node.is_ending and step is not None:
        counts = live.tally(step) if (session.split_shown or participant is None) else {}
        context["split"] = results.split(node, counts, session, with_quality=session.feedback_shown)
        context["voters"] = sum(counts.values()) if participant is None else None
    if participant is not None and step is not None:
        context["my_vote"] = Vote.objects.filter(step=step, participant=participant).first()
        context["participant"] = participant
    return context


def join_url(request, session):
    return request.build_absolute_uri(reverse("debrief:room", args=[session.code]))


def qr_svg(url):
    """The join URL as an inline SVG QR code (server side, no script, no external image)."""
    qr = segno.make(url, error="m")
    return qr.svg_inline(
        scale=6, border=2, dark="#000", light="#fff", svgclass="qr-code", title=_("QR code pour rejoindre la séance")
    )
