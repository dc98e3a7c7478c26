"""Team journal pages (analyse de pratiques). Sessions are fetched through PracticeSession.objects.visible_to and
moderation goes through access.is_facilitator: outside the team → 404; a member on a facilitator's action → 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import exports, journal
from .access import facilitated_teams, is_facilitator, participating_teams
from .forms import ContributionForm, SessionForm
from .models import Contribution, PracticeSession


def _session(request, pk):
    queryset = PracticeSession.objects.visible_to(request.user).select_related(
        "team__organisation", "opened_by", "closed_by"
    )
    return get_object_or_404(queryset, pk=pk)


def session_url(session):
    return reverse("reflections:team_session", args=[session.pk])


def _require_facilitator(request, team):
    if not is_facilitator(request.user, team):
        raise PermissionDenied


@login_required
def team_index(request):
    """Every session of the person's teams, grouped by team; facilitators may open a new one."""
    teams = list(participating_teams(request.user).order_by("organisation__name", "name"))
    facilitated = set(facilitated_teams(request.user).values_list("pk", flat=True))
    sessions = (
        PracticeSession.objects.visible_to(request.user)
        .annotate(contribution_count=Count("contributions", filter=Q(contributions__removed_at__isnull=True)))
        .order_by("closed_at", "-date", "-pk")
    )
    by_team = {}
    for session in sessions:
        by_team.setdefault(session.team_id, []).append(session)
    groups = [{"team": t, "sessions": by_team.get(t.pk, []), "facilitator": t.pk in facilitated} for t in teams]
    return render(request, "teamjournal/index.html", {"groups": groups})


@login_required
def session_new(request, team_id):
    team = get_object_or_404(participating_teams(request.user), pk=team_id)
    _require_facilitator(request, team)
    form = SessionForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            session = journal.open_session(team, request.user, data["title"], form.description_html, data["date"])
            messages.success(request, _("La séance est ouverte : les membres de l'équipe peuvent y contribuer."))
            return redirect("reflections:team_session", session.pk)
        messages.error(request, _("La séance n'a pas été ouverte : corrigez les champs signalés."))
    status = 400 if request.method == "POST" else 200
    return render(request, "teamjournal/session_form.html", {"team": team, "form": form}, status=status)


def _detail(request, session, form=None, reply_form=None, status=200, unsent_text=""):
    facilitator = is_facilitator(request.user, session.team)
    context = {
        "session": session,
        "team": session.team,
        "is_facilitator": facilitator,
        "contributions": journal.thread(session, request.user),
        "form": form or ContributionForm(),
        "reply_form": reply_form,
        "reply_parent": reply_form.data.get("parent") if reply_form is not None else None,
        "unsent_text": unsent_text,
    }
    return render(request, "teamjournal/session_detail.html", context, status=status)


@login_required
def session_detail(request, pk):
    return _detail(request, _session(request, pk))


@login_required
@require_POST
def contribute(request, pk):
    session = _session(request, pk)
    is_reply = bool(request.POST.get("parent"))
    form = ContributionForm(request.POST, reply=is_reply)
    if session.is_closed:
        messages.error(request, _("Cette séance est close : on ne peut plus y contribuer. Votre texte est ci-dessous."))
        return _detail(request, session, status=409, unsent_text=request.POST.get("body_text", ""))
    if not form.is_valid():
        messages.error(request, _("Votre texte n'a pas été publié : corrigez le champ signalé."))
        if is_reply:
            return _detail(request, session, reply_form=form, status=400)
        return _detail(request, session, form=form, status=400)
    parent = None
    if form.cleaned_data.get("parent"):
        parent = get_object_or_404(session.contributions.all(), pk=form.cleaned_data["parent"])
    try:
        contribution = journal.contribute(session, request.user, form.cleaned_html, parent=parent)
    except journal.SessionClosed:
        messages.error(request, _("Cette séance est close : on ne peut plus y contribuer. Votre texte est ci-dessous."))
        return _detail(request, session, status=409, unsent_text=request.POST.get("body_text", ""))
    messages.success(request, _("Votre réponse est publiée.") if parent else _("Votre contribution est publiée."))
    return redirect(f"{session_url(session)}#contribution-{contribution.pk}")


def _contribution(request, pk):
    contribution = get_object_or_404(
        Contribution.objects.filter(session__in=PracticeSession.objects.visible_to(request.user)).select_related(
            "session__team"
        ),
        pk=pk,
    )
    _require_facilitator(request, contribution.session.team)
    return contribution


@login_required
@require_POST
def hide(request, pk):
    contribution = _contribution(request, pk)
    journal.hide(contribution, request.user)
    messages.success(request, _("La contribution est masquée : seul·e son auteur·rice en voit encore le texte."))
    return redirect(f"{session_url(contribution.session)}#contribution-{contribution.pk}")


@login_required
@require_POST
def unhide(request, pk):
    contribution = _contribution(request, pk)
    journal.unhide(contribution)
    messages.success(request, _("La contribution est de nouveau visible par toute l'équipe."))
    return redirect(f"{session_url(contribution.session)}#contribution-{contribution.pk}")


@login_required
def close(request, pk):
    session = _session(request, pk)
    _require_facilitator(request, session.team)
    if session.is_closed:
        messages.info(request, _("Cette séance est déjà close."))
        return redirect("reflections:team_session", session.pk)
    if request.method == "POST":
        journal.close(session, request.user)
        messages.success(
            request, _("La séance est close : plus personne ne peut y contribuer. Vous pouvez l'exporter.")
        )
        return redirect("reflections:team_session", session.pk)
    return render(request, "teamjournal/session_close.html", {"session": session, "team": session.team})


def _export(request, pk, build, content_type, extension):
    session = _session(request, pk)
    if not session.is_closed:
        messages.error(request, _("Seule une séance close peut être exportée."))
        return redirect("reflections:team_session", session.pk)
    response = HttpResponse(build(session), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(session, extension)}"'
    return response


@login_required
def export_pdf(request, pk):
    return _export(request, pk, exports.session_pdf, "application/pdf", "pdf")


@login_required
def export_markdown(request, pk):
    return _export(request, pk, exports.markdown_zip, "application/zip", "zip")
