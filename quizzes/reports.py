"""Trainer statistics on a quiz: attempts, average, pass rate; per question % correct and answer spread.

Every function reads only the attempts within `seen` (see core/scope.py and quizzes/access.py: everyone's for the
quiz's authors, otherwise those of the trainer's teams)."""

import csv
import io
from collections import Counter, defaultdict

from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.scope import EVERYONE
from core.spreadsheet import safe_cell

from . import item_analysis
from .answer_matching import match_key
from .models import Answer, Attempt, Question, QuestionType, Quiz
from .presentation import describe_response


def quizzes_with_stats(counted=None):
    """Every quiz with its submitted attempts count, average score and passes, in one query; `counted` (a filter on
    quizzes, through attempts__) narrows the attempts counted."""
    submitted = Q(attempts__submitted_at__isnull=False)
    if counted is not None:
        submitted &= counted
    return Quiz.objects.annotate(
        attempt_count=Count("attempts", filter=submitted),
        average=Avg("attempts__score", filter=submitted),
        pass_count=Count("attempts", filter=submitted & Q(attempts__passed=True)),
    ).order_by("title")


def _submitted(quiz, seen):
    return seen.restrict(Attempt.objects.submitted().filter(quiz=quiz))


def summary(quiz, seen=EVERYONE):
    stats = _submitted(quiz, seen).aggregate(
        count=Count("pk"),
        average=Avg("score"),
        passes=Count("pk", filter=Q(passed=True)),
        learners=Count("user", distinct=True),
    )
    stats["pass_rate"] = stats["passes"] / stats["count"] if stats["count"] and not quiz.is_self_positioning else None
    return stats


def question_stats(quiz, seen=EVERYONE):
    """Per question: answers, % correct and the distribution of answers (to spot misleading questions)."""
    answers = list(
        seen.restrict(
            Answer.objects.filter(attempt__quiz=quiz, attempt__submitted_at__isnull=False, question__isnull=False),
            "attempt__user",
        )
        .only("question_id", "attempt_id", "response", "is_correct", "score")
        .order_by("question_id")
    )
    by_question = defaultdict(list)
    for answer in answers:
        by_question[answer.question_id].append(answer)
    questions = Question.objects.prefetch_related("choices").in_bulk(list(by_question))
    figures = item_analysis.analyse(answers)
    stats = []
    for qid, rows in by_question.items():
        question = questions[qid]
        scored = [a for a in rows if a.is_correct is not None]
        correct = sum(1 for a in scored if a.is_correct)
        stats.append(
            {
                "question": question,
                "answers": len(rows),
                "percent_correct": round(100 * correct / len(scored)) if scored else None,
                "distribution": _distribution(question, rows),
                **_item_figures(figures.get(qid)),
            }
        )
    stats.sort(key=lambda s: (s["percent_correct"] is None, s["percent_correct"] or 0, s["question"].name))
    return stats


def _item_figures(figures):
    """Facility as a percentage, discrimination to two decimals, and the plain-French reading (item_analysis)."""
    if figures is None:
        return {"facility": None, "discrimination": None, "notes": []}
    discrimination = figures["discrimination"]
    return {
        "facility": round(100 * figures["facility"]),
        "discrimination": None if discrimination is None else round(discrimination, 2),
        "notes": item_analysis.reading(figures),
    }


def _distribution(question, rows):
    total = len(rows) or 1
    if question.qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.LIKERT):
        counts = Counter()
        for answer in rows:
            picked = answer.response if isinstance(answer.response, list) else [answer.response]
            counts.update(p for p in picked if p is not None)
        items = [(c.text, counts.get(c.pk, 0), c.is_correct) for c in question.choices.all()]
    else:
        counts = Counter()
        labels = {}
        for answer in rows:
            lines = describe_response(question, answer.response) or [_("(sans réponse)")]
            label = " ; ".join(lines)
            # Answers the scoring treats as the same are counted together.
            short = question.qtype == QuestionType.SHORT_ANSWER
            key = match_key(label, question.strict_matching) if short else label
            labels.setdefault(key, label)
            counts[key] += 1
        items = [(labels[key], count, None) for key, count in counts.most_common(10)]
    return [
        {"label": label, "count": count, "percent": round(100 * count / total), "is_correct": flag}
        for label, count, flag in items
    ]


def attempts_of(quiz, seen=EVERYONE):
    return _submitted(quiz, seen).select_related("user").order_by("-submitted_at")


ATTEMPT_HEADERS = [
    gettext_lazy("Apprenant·e"),
    gettext_lazy("E-mail"),
    gettext_lazy("Tentative"),
    gettext_lazy("Commencée le"),
    gettext_lazy("Validée le"),
    gettext_lazy("Score (%)"),
    gettext_lazy("Réussie"),
    gettext_lazy("Temps écoulé"),
]


def attempt_table(quiz, seen=EVERYONE):
    """Header and rows of the attempts, shared by the CSV and XLSX exports."""
    headers = [str(h) for h in ATTEMPT_HEADERS]
    rows = []
    for attempt in attempts_of(quiz, seen):
        rows.append(
            [
                attempt.user.get_display_name(),
                attempt.user.email,
                attempt.number,
                timezone.localtime(attempt.started_at).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(attempt.submitted_at).strftime("%Y-%m-%d %H:%M"),
                attempt.percent if attempt.percent is not None else "",
                "" if attempt.passed is None else (_("oui") if attempt.passed else _("non")),
                _("oui") if attempt.expired else _("non"),
            ]
        )
    return headers, rows


def question_table(quiz, seen=EVERYONE):
    """One row per question: answers, facility, discrimination, the reading and the spread of answers."""
    headers = [
        _("Question"),
        _("Type"),
        _("Réponses"),
        _("Bonnes réponses (%)"),
        _("Facilité (%)"),
        _("Discrimination"),
        _("Lecture"),
        _("Répartition"),
    ]
    rows = []
    for stat in question_stats(quiz, seen):
        spread = " | ".join(f"{d['label']} : {d['count']}" for d in stat["distribution"])
        rows.append(
            [
                stat["question"].name,
                stat["question"].get_qtype_display(),
                stat["answers"],
                "" if stat["percent_correct"] is None else stat["percent_correct"],
                "" if stat["facility"] is None else stat["facility"],
                "" if stat["discrimination"] is None else stat["discrimination"],
                " ".join(text for _level, text in stat["notes"]),
                spread,
            ]
        )
    return [str(h) for h in headers], rows


def as_csv(quiz, seen=EVERYONE):
    return _csv(*attempt_table(quiz, seen))


def item_analysis_csv(quiz, seen=EVERYONE):
    return _csv(*question_table(quiz, seen))


def _csv(headers, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(headers)
    writer.writerows([[safe_cell(v) for v in row] for row in rows])
    return "\ufeff" + buffer.getvalue()  # BOM: spreadsheet software reads UTF-8 accents correctly


def as_xlsx(quiz, seen=EVERYONE):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Tentatives"))
    for sheet_rows, target in (
        (attempt_table(quiz, seen), sheet),
        (question_table(quiz, seen), workbook.create_sheet(_("Questions"))),
    ):
        headers, rows = sheet_rows
        target.append(headers)
        for row in rows:
            target.append([safe_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
