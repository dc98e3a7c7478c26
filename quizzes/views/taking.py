"""Learner views: start or resume, answer, results. Scope: a learner only ever reaches their own attempts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import comparison, taking
from ..access import quizzes_available_to
from ..models import Attempt
from ..presentation import form_questions, result_rows

RETURN_KEY = "quiz_return_urls"


def _safe_next(request):
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return ""


def _bad_request(request, message):
    return render(request, "quizzes/bad_answer.html", {"message": message}, status=400)


@require_POST
@login_required
def start(request, quiz_id):
    quiz = get_object_or_404(quizzes_available_to(request.user), pk=quiz_id)
    back = _safe_next(request)
    try:
        attempt = taking.start_attempt(quiz, request.user)
    except taking.QuizError as error:
        messages.error(request, str(error))
        return redirect(back or "my_space")
    if back:
        urls = request.session.get(RETURN_KEY, {})
        urls[str(attempt.pk)] = back
        request.session[RETURN_KEY] = urls
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


def _own_attempt(request, attempt_id):
    return get_object_or_404(Attempt.objects.visible_to(request.user).select_related("quiz"), pk=attempt_id)


@login_required
def attempt_view(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_submitted:
        if request.method == "POST":
            messages.info(request, _("Cette tentative était déjà validée : elle n'est comptée qu'une fois."))
        return redirect("quizzes:result", attempt_id=attempt.pk)
    if taking.finalize_if_expired(attempt):
        messages.warning(
            request,
            _("Le temps imparti est écoulé : les réponses enregistrées avant la limite ont été validées."),
        )
        return redirect("quizzes:result", attempt_id=attempt.pk)
    questions = taking.layout_questions(attempt)
    errors = {}
    raw = attempt.draft or {}
    if request.method == "POST":
        raw = taking.raw_values(attempt, questions, request.POST)
        try:
            responses, errors = taking.parse_responses(attempt, questions, raw)
        except taking.BadAnswer as error:
            return _bad_request(request, str(error))
        if request.POST.get("action") == "save":
            taking.save_draft(attempt, raw)
            if request.headers.get("X-Requested-With") == "fetch":
                return HttpResponse(status=204)
            messages.success(request, _("Vos réponses sont enregistrées. Vous pourrez reprendre plus tard."))
            return redirect("quizzes:attempt", attempt_id=attempt.pk)
        if errors and not taking.is_late(attempt):
            taking.save_draft(attempt, raw)
        else:
            late = taking.is_late(attempt)
            if taking.submit_attempt(attempt, raw) and late:
                messages.warning(
                    request,
                    _(
                        "Réponses reçues après la limite de temps : seules celles enregistrées "
                        "avant la limite ont été prises en compte."
                    ),
                )
            elif not late:
                messages.success(request, _("Vos réponses sont validées."))
            return redirect("quizzes:result", attempt_id=attempt.pk)
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "questions": form_questions(attempt, questions, raw, errors),
        "errors": errors,
        "back_url": request.session.get(RETURN_KEY, {}).get(str(attempt.pk), ""),
    }
    return render(request, "quizzes/attempt.html", context)


@login_required
def result(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_submitted:
        return redirect("quizzes:attempt", attempt_id=attempt.pk)
    show = taking.may_show_answers(attempt)
    pair = comparison.pair_for(attempt) if attempt.quiz.is_self_positioning else None
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "rows": result_rows(attempt, show),
        "show_answers": show,
        "attempts_left": taking.attempts_left(attempt.quiz, request.user),
        "comparison": comparison.compare(*pair) if pair else None,
        "back_url": request.session.get(RETURN_KEY, {}).get(str(attempt.pk), ""),
    }
    return render(request, "quizzes/result.html", context)
