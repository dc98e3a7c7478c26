"""The trainer's side: launch a session from a case, run it on the presenter screen, then review, export,
replay and compare. The presenter screen is for the session's own trainer; summaries for that trainer and
administrators (LiveSession.objects.visible_to)."""

import csv

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.permissions import Role, role_required
from cases.models import CasePage
from core.spreadsheet import safe_cell

from .. import live, pdf, results
from ..forms import LaunchForm, OpenVoteForm
from ..models import LiveSession
from .common import error, join_url, node_state, qr_svg, session_or_404

TRAINER_ROLES = (Role.TRAINER, Role.LEAD_TRAINER, Role.ADMIN)


@require_POST
@role_required(*TRAINER_ROLES)
def launch(request, page_id):
    case = get_object_or_404(CasePage.objects.live(), pk=page_id)
    form = LaunchForm(request.POST)
    group_name = form.cleaned_data["group_name"] if form.is_valid() else ""
    try:
        session = live.create_session(case, request.user, group_name=group_name)
    except live.LiveError as failure:
        return error(request, failure.message, failure.status)
    return redirect("debrief:presenter", code=session.code)


def _own(request, code):
    """The presenter screen belongs to the trainer who launched the session: anyone else gets a 404."""
    return session_or_404(code, LiveSession.objects.filter(trainer=request.user))


ACTIONS = {
    "close": live.close_vote,
    "split": live.show_split,
    "feedback": live.show_feedback,
    "end": live.end_session,
}


@require_http_methods(["GET", "POST"])
@role_required(*TRAINER_ROLES)
def presenter(request, code):
    session = _own(request, code)
    failure_message = ""
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "open":
                form = OpenVoteForm(request.POST)
                if not form.is_valid():
                    raise live.LiveError(_("Durée du minuteur inconnue."))
                live.open_vote(session, form.cleaned_data["seconds"])
            elif action == "majority":
                live.follow(session)
            elif action == "follow":
                if not request.POST.get("choice"):
                    raise live.LiveError(_("Choisissez la branche à suivre."))
                live.follow(session, request.POST["choice"])
            elif action in ACTIONS:
                ACTIONS[action](session)
            else:
                raise live.LiveError(_("Action inconnue."))
        except live.LiveError as failure:
            failure_message = failure.message
            session.refresh_from_db()
            return _render_presenter(request, session, failure_message, failure.status)
        if action == "end":
            messages.success(request, _("La séance est terminée. Voici son bilan."))
            return redirect("debrief:summary", code=session.code)
        return redirect("debrief:presenter", code=session.code)
    return _render_presenter(request, session)


def _render_presenter(request, session, failure_message="", status=200):
    context = node_state(session)
    url = join_url(request, session)
    context.update(
        {
            "join_url": url,
            "qr": qr_svg(url),
            "participants": session.participants.count(),
            "open_form": OpenVoteForm(),
            "failure_message": failure_message,
        }
    )
    if "split" in context and context["step"] is not None:
        choice = live.majority_choice(context["node"], {c["key"]: c["count"] for c in context["split"]["choices"]})
        context["majority"] = choice
    return render(request, "debrief/presenter.html", context, status=status)


@require_GET
@role_required(*TRAINER_ROLES)
def presenter_state(request, code):
    """Counts for the presenter screen, polled every 2 seconds: participants, voters, stage."""
    session = _own(request, code)
    return JsonResponse(
        {
            "participants": session.participants.count(),
            "voters": live.voter_count(session),
            "stage": live.effective_stage(session),
            "version": session.version,
        }
    )


def _visible(request, code):
    return session_or_404(code, LiveSession.objects.visible_to(request.user))


@require_GET
@role_required(*TRAINER_ROLES)
def summary(request, code):
    session = _visible(request, code)
    return render(request, "debrief/summary.html", {"session": session, **results.summary(session)})


@require_GET
@role_required(*TRAINER_ROLES)
def summary_csv(request, code):
    session = _visible(request, code)
    data = results.session_results(session)
    comments = request.GET.get("contenu") == "commentaires"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")  # so spreadsheet software reads the accents as UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(results.COMMENTS_HEADER if comments else results.CSV_HEADER)
    for row in results.comment_rows(data) if comments else results.csv_rows(data):
        writer.writerow([safe_cell(cell) for cell in row])
    suffix = "commentaires" if comments else "votes"
    response["Content-Disposition"] = f'attachment; filename="seance-{session.code}-{suffix}.csv"'
    return response


@require_GET
@role_required(*TRAINER_ROLES)
def summary_pdf(request, code):
    session = _visible(request, code)
    response = HttpResponse(pdf.session_pdf(session, results.summary(session)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="seance-{session.code}-{slugify(session.case.title)}.pdf"'
    return response


@require_POST
@role_required(*TRAINER_ROLES)
def replay(request, code):
    """The same case with another group: a new session, its own code, linked to the one it replays."""
    session = _visible(request, code)
    form = LaunchForm(request.POST)
    group_name = form.cleaned_data["group_name"] if form.is_valid() else ""
    try:
        new = live.create_session(session.case, request.user, replay_of=session, group_name=group_name)
    except live.LiveError as failure:
        return error(request, failure.message, failure.status, session)
    return redirect("debrief:presenter", code=new.code)


@require_GET
@role_required(*TRAINER_ROLES)
def case_sessions(request, page_id):
    """Every visible session of a case, side by side: the split and the branch followed at each node."""
    case = get_object_or_404(CasePage, pk=page_id)
    sessions = list(
        LiveSession.objects.visible_to(request.user)
        .filter(case=case)
        .select_related("trainer")
        .order_by("created_at")[:12]
    )
    if not case.live and not sessions:
        raise Http404
    comparison = results.compare(sessions, case.graph)
    return render(
        request,
        "debrief/case_sessions.html",
        {"case": case, "sessions": sessions, "launch_form": LaunchForm(), **comparison},
    )
