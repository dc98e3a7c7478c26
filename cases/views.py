"""Learner views (start, play, debrief) and the trainers' reasoning report. Rules live in play.py and report.py."""

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import Role, role_required
from core.spreadsheet import safe_cell

from . import access, play, report
from .forms import DecisionForm
from .graph import Quality, presented_choices
from .models import CaseAttempt, CasePage

TRAINER_ROLES = (Role.TRAINER, Role.LEAD_TRAINER, Role.ADMIN)


def _error(request, message, status=400, attempt=None):
    return render(request, "cases/error.html", {"message": message, "attempt": attempt}, status=status)


def _own_attempt(request, attempt_id):
    return get_object_or_404(CaseAttempt.objects.visible_to(request.user).select_related("case"), pk=attempt_id)


@require_POST
@login_required
def start(request, page_id):
    """Start a new attempt (also "Rejouer"): the previous ones stay listed."""
    case = get_object_or_404(CasePage.objects.live(), pk=page_id)
    try:
        attempt = play.start_attempt(request.user, case)
    except play.PlayError as error:
        return _error(request, error.message, error.status)
    return redirect("cases:play", attempt_id=attempt.pk)


@require_http_methods(["GET", "POST"])
@login_required
def play_attempt(request, attempt_id):
    """One node at a time: the question, then (after a justified choice) its feedback, then the next node."""
    attempt = _own_attempt(request, attempt_id)
    if attempt.status == CaseAttempt.Status.ABANDONED:
        return _error(request, _("Cette tentative a été remplacée par une plus récente."), 400, attempt)
    version = attempt.case_version
    graph = version.graph
    decisions = list(attempt.decisions.all())
    step = len(decisions)

    if request.method == "POST":
        action = request.POST.get("action")
        if action == "continue":
            play.continue_attempt(attempt)
            if attempt.is_finished:
                return redirect("cases:debrief", attempt_id=attempt.pk)
            return redirect("cases:play", attempt_id=attempt.pk)
        if action != "decide":
            return _error(request, _("Action inconnue."), 400, attempt)
        if attempt.status != CaseAttempt.Status.IN_PROGRESS:
            return _error(request, _("Cette tentative est terminée : ce choix n'a pas été enregistré."), 400, attempt)
        if attempt.feedback_pending or request.POST.get("step") != str(step):
            return _error(
                request, _("Ce choix a déjà été enregistré (envoi en double) : rien n'a été ajouté."), 400, attempt
            )
        node = graph.get(attempt.current_node_key)
        if node is None or node.is_ending:
            return _error(
                request, _("Cette étape n'existe plus dans le cas : commencez une nouvelle tentative."), 404, attempt
            )
        posted = request.POST.get("choice", "")
        if request.POST.get("node") != attempt.current_node_key or (posted and node.choice(posted) is None):
            return _error(
                request, _("Ce choix n'appartient pas à l'étape en cours : il n'a pas été enregistré."), 400, attempt
            )
        form = DecisionForm(request.POST, choices=presented_choices(node, attempt.choice_order_seed), case=version)
        if form.is_valid():
            try:
                play.decide(
                    attempt,
                    step=step,
                    node_key=node.key,
                    choice_key=form.cleaned_data["choice"],
                    justification=form.cleaned_data["justification"],
                )
            except play.PlayError as error:
                return _error(request, error.message, error.status, attempt)
            return redirect("cases:play", attempt_id=attempt.pk)
        return _render_node(request, attempt, version, node, form, step)

    if attempt.feedback_pending:
        last = decisions[-1]
        node = graph.get(last.node_key)
        return render(
            request,
            "cases/play_feedback.html",
            {
                "attempt": attempt,
                "case": version,
                "decision": last,
                "node": node,
                "choice": node.choice(last.choice_key) if node else None,
                "quality_label": Quality.label(last.quality),
                "step_number": step,
            },
        )
    if attempt.is_finished:
        return redirect("cases:debrief", attempt_id=attempt.pk)
    node = graph.get(attempt.current_node_key)
    if node is None:  # only possible if the pinned revision was purged and the live graph lost that node
        return _error(
            request, _("Cette étape n'existe plus dans le cas : commencez une nouvelle tentative."), 404, attempt
        )
    choices = presented_choices(node, attempt.choice_order_seed)
    return _render_node(request, attempt, version, node, DecisionForm(choices=choices, case=version), step)


def _render_node(request, attempt, version, node, form, step):
    return render(
        request,
        "cases/play_node.html",
        {"attempt": attempt, "case": version, "node": node, "form": form, "step": step, "step_number": step + 1},
    )


@login_required
def debrief(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_finished:
        return redirect("cases:play", attempt_id=attempt.pk)
    version = attempt.case_version
    return render(
        request,
        "cases/debrief.html",
        {"attempt": attempt, "case": version, "live_case": attempt.case, **play.debrief(attempt)},
    )


def _case_for_report(request, page_id):
    """The case and whose attempts this trainer reads in it (cases/access.py); 404 when it is not theirs."""
    case = get_object_or_404(CasePage, pk=page_id)
    if not case.live and not case.attempts.exists():
        raise Http404
    return case, access.report_scope(request.user, case)


@role_required(*TRAINER_ROLES)
def report_view(request, page_id):
    """Trainers and administrators only (managers never see learners' reasoning)."""
    case, seen = _case_for_report(request, page_id)
    data = report.full_report(case, seen)
    return render(request, "cases/report.html", {"case": case, "whole_group": seen.everyone, **data})


@role_required(*TRAINER_ROLES)
def report_csv(request, page_id):
    case, seen = _case_for_report(request, page_id)
    kind = request.GET.get("contenu", "repartition")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")  # so spreadsheet software reads the accents as UTF-8
    writer = csv.writer(response, delimiter=";")
    if kind == "decisions":
        filename = f"cas-{slugify(case.title)}-decisions.csv"
        writer.writerow(report.DECISIONS_HEADER)
        rows = report.decision_rows(case, seen)
    else:
        filename = f"cas-{slugify(case.title)}-repartition.csv"
        writer.writerow(report.SUMMARY_HEADER)
        rows = report.summary_rows(report.case_report(case, seen))
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def index(request):
    """The navigation entry: the "Cas pratiques" page of the site."""
    from .models import CaseIndexPage

    index_page = CaseIndexPage.objects.live().first()
    if index_page is None:
        raise Http404
    return redirect(index_page.url)
