"""Self-positioning: compare a learner's "before" and "after" answers to the same scale questions.

The chart is drawn on the server as SVG (no script) and always comes with the same data as a table.
"""

from django.utils.translation import gettext as _

from .models import Answer, Attempt, QuestionType

BAR_HEIGHT = 18
ROW_HEIGHT = 64
LABEL_WIDTH = 60
CHART_WIDTH = 560


def _scale_answers(attempt):
    """{question id: (question, level 1..n, n, label)} for the Likert answers of an attempt."""
    found = {}
    answers = Answer.objects.filter(attempt=attempt, question__qtype=QuestionType.LIKERT).select_related("question")
    for answer in answers.prefetch_related("question__choices"):
        choices = list(answer.question.choices.all())
        ids = [c.pk for c in choices]
        if answer.response in ids:
            level = ids.index(answer.response) + 1
            found[answer.question_id] = (answer.question, level, len(ids), choices[level - 1].text)
    return found


def pair_for(attempt):
    """(before attempt, after attempt) around this attempt, or None when there is nothing to compare."""
    quiz = attempt.quiz
    if quiz.before_quiz_id:
        before = Attempt.objects.submitted().filter(quiz_id=quiz.before_quiz_id, user=attempt.user).first()
        return (before, attempt) if before else None
    after_quiz_ids = list(quiz.after_quizzes.values_list("pk", flat=True))
    if after_quiz_ids:
        after = Attempt.objects.submitted().filter(quiz_id__in=after_quiz_ids, user=attempt.user).first()
        return (attempt, after) if after else None
    return None


def compare(before, after):
    """Rows (question, before level and label, after level and label, change) and the SVG geometry."""
    first, second = _scale_answers(before), _scale_answers(after)
    rows = []
    for number, qid in enumerate([qid for qid in second if qid in first], start=1):
        question, level_before, size, label_before = first[qid]
        _question, level_after, _size, label_after = second[qid]
        rows.append(
            {
                "number": number,
                "text": question.text,
                "before": level_before,
                "before_label": label_before,
                "after": level_after,
                "after_label": label_after,
                "size": size,
                "change": level_after - level_before,
            }
        )
    return {"rows": rows, "chart": _chart(rows)}


def _chart(rows):
    if not rows:
        return None
    bars = []
    for index, row in enumerate(rows):
        top = 10 + index * ROW_HEIGHT
        scale = CHART_WIDTH / row["size"]
        bars.append(
            {
                "label": _("Q%(number)s") % {"number": row["number"]},
                "label_y": top + BAR_HEIGHT + 4,
                "before_y": top,
                "before_width": round(row["before"] * scale),
                "before_text_x": LABEL_WIDTH + round(row["before"] * scale) + 6,
                "after_y": top + BAR_HEIGHT + 6,
                "after_width": round(row["after"] * scale),
                "after_text_x": LABEL_WIDTH + round(row["after"] * scale) + 6,
                "before": row["before"],
                "after": row["after"],
                "size": row["size"],
            }
        )
    return {
        "bars": bars,
        "width": LABEL_WIDTH + CHART_WIDTH + 90,
        "height": 20 + len(rows) * ROW_HEIGHT,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }
