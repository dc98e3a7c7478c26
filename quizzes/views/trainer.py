"""Trainer views: results per quiz, exports, Moodle XML import and export of the bank."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify

from accounts.permissions import Role, role_required
from core.scope import sees_everyone

from .. import moodle, reports
from ..access import quiz_or_404, quizzes_with_results_for
from ..forms import MoodleImportForm
from ..models import Question, QuestionType

trainer_only = role_required(Role.TRAINER, Role.ADMIN)


@trainer_only
def trainer_list(request):
    return render(
        request,
        "quizzes/trainer/list.html",
        {
            "quizzes": quizzes_with_results_for(request.user),
            "whole_group": sees_everyone(request.user),
            "question_count": Question.objects.count(),
        },
    )


@trainer_only
def trainer_report(request, quiz_id):
    quiz, seen = quiz_or_404(request.user, quiz_id)
    context = {
        "quiz": quiz,
        "whole_group": seen.everyone,
        "summary": reports.summary(quiz, seen),
        "questions": reports.question_stats(quiz, seen),
        "attempts": reports.attempts_of(quiz, seen)[:200],
    }
    return render(request, "quizzes/trainer/report.html", context)


@trainer_only
def report_csv(request, quiz_id):
    quiz, seen = quiz_or_404(request.user, quiz_id)
    response = HttpResponse(reports.as_csv(quiz, seen), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="quiz-{slugify(quiz.title) or quiz.pk}.csv"'
    return response


@trainer_only
def item_analysis_csv(request, quiz_id):
    quiz, seen = quiz_or_404(request.user, quiz_id)
    response = HttpResponse(reports.item_analysis_csv(quiz, seen), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="analyse-{slugify(quiz.title) or quiz.pk}.csv"'
    return response


@trainer_only
def report_xlsx(request, quiz_id):
    quiz, seen = quiz_or_404(request.user, quiz_id)
    response = HttpResponse(
        reports.as_xlsx(quiz, seen), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="quiz-{slugify(quiz.title) or quiz.pk}.xlsx"'
    return response


@trainer_only
def moodle_import(request):
    report, error = None, None
    form = MoodleImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = moodle.import_questions(form.cleaned_data["file"].read())
        except moodle.MoodleFileError as exc:
            error = str(exc)
            form.add_error("file", error)
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    context = {
        "form": form,
        "report": report,
        "imported": sum(1 for line in report or [] if line.imported),
        "refused": sum(1 for line in report or [] if not line.imported),
    }
    return render(request, "quizzes/trainer/import.html", context, status=status)


@trainer_only
def moodle_export(request):
    """The bank (or one category of it) as Moodle XML.

    Situational-judgement questions have no Moodle type. The whole bank is exported without them, once the trainer
    has seen on a confirmation page which questions are left out; the export of a category that holds one is
    refused, naming it.
    """
    questions = Question.objects.all()
    category = request.GET.get("categorie")
    whole_bank = not (category and category.isdigit())
    if not whole_bank:
        questions = questions.filter(category_id=category)
    left_out = moodle.sjt_names(questions) if whole_bank else []
    if left_out and request.GET.get("confirmer") != "1":
        exported = questions.exclude(qtype__in=[QuestionType.LIKERT, QuestionType.SJT]).count()
        context = {"left_out": left_out, "exported": exported}
        return render(request, "quizzes/trainer/export_confirm.html", context)
    try:
        xml = moodle.export_questions(questions, leave_out_sjt=whole_bank)
    except moodle.MoodleExportError as error:
        messages.error(request, str(error))
        return redirect("quizzes:trainer_list")
    response = HttpResponse(xml, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="banque-questions-collectif.xml"'
    return response
