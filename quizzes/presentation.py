"""What the templates display: the attempt form (no key, no flag) and the results of a submitted attempt."""

from django.utils.translation import gettext as _

from .models import QuestionType, SjtMode
from .scoring import expert_order
from .taking import field_names, sjt_mode


def _choices_by_id(question):
    return {c.pk: c for c in question.choices.all()}


def form_questions(attempt, questions, raw, errors=None):
    """One dict per question for the form, filled with the raw values already given (draft or POST).

    Only labels, opaque values and the learner's own selections: never is_correct, never match pairs.
    """
    errors = errors or {}
    result = []
    for position, entry in enumerate(attempt.layout, start=1):
        question = questions.get(entry["q"])
        if question is None:
            continue
        qid, qtype = entry["q"], question.qtype
        names = field_names(entry, qtype)
        by_id = _choices_by_id(question)
        item = {
            "position": position,
            "qid": qid,
            "qtype": qtype,
            "type_label": question.get_qtype_display(),
            "text": question.text,
            "error": errors.get(qid),
            "error_id": f"q{qid}-erreur",
            "name": names[0],
        }
        if qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.LIKERT):
            given = raw.get(names[0]) or []
            given = {str(v) for v in ([given] if isinstance(given, str) else given)}
            item["options"] = [
                {"value": cid, "label": by_id[cid].text, "id": f"q{qid}-o{i}", "checked": str(cid) in given}
                for i, cid in enumerate(entry["choices"])
                if cid in by_id
            ]
        elif qtype == QuestionType.TRUE_FALSE:
            item["options"] = [
                {"value": value, "label": label, "id": f"q{qid}-{value}", "checked": raw.get(names[0]) == value}
                for value, label in (("true", _("Vrai")), ("false", _("Faux")))
            ]
        elif qtype == QuestionType.MATCHING:
            item["selects"] = [
                {
                    "name": name,
                    "id": name,
                    "label": by_id[cid].text,
                    "options": [
                        {"value": str(i), "label": match, "selected": raw.get(name) == str(i)}
                        for i, match in enumerate(entry["matches"])
                    ],
                }
                for cid, name in zip(entry["choices"], names, strict=True)
                if cid in by_id
            ]
        elif qtype == QuestionType.ORDERING:
            count = len(entry["choices"])
            item["selects"] = [
                {
                    "name": name,
                    "id": name,
                    "label": by_id[cid].text,
                    "options": [
                        {"value": str(rank), "label": str(rank), "selected": raw.get(name) == str(rank)}
                        for rank in range(1, count + 1)
                    ],
                }
                for cid, name in zip(entry["choices"], names, strict=True)
                if cid in by_id
            ]
            item["count"] = count
        elif qtype == QuestionType.SJT:
            item.update(_sjt_form(entry, names, by_id, raw))
        elif qtype == QuestionType.SHORT_ANSWER:
            item["value"] = raw.get(names[0], "")
        result.append(item)
    return result


def _sjt_form(entry, names, by_id, raw):
    """Best/worst: two groups of radio buttons; ranking: one rank select per response."""
    qid, count = entry["q"], len(entry["choices"])
    choices = [cid for cid in entry["choices"] if cid in by_id]
    if sjt_mode(entry) == SjtMode.RANKING:
        return {
            "sjt_mode": SjtMode.RANKING,
            "count": count,
            "selects": [
                {
                    "name": name,
                    "id": name,
                    "label": by_id[cid].text,
                    "options": [
                        {"value": str(rank), "label": str(rank), "selected": raw.get(name) == str(rank)}
                        for rank in range(1, count + 1)
                    ],
                }
                for cid, name in zip(entry["choices"], names, strict=True)
                if cid in by_id
            ],
        }
    groups = []
    for name, suffix, legend in (
        (names[0], "m", _("La meilleure réponse")),
        (names[1], "p", _("La moins bonne réponse")),
    ):
        given = str(raw.get(name, ""))
        options = [
            {"value": cid, "label": by_id[cid].text, "id": f"q{qid}-{suffix}{i}", "checked": str(cid) == given}
            for i, cid in enumerate(choices)
        ]
        groups.append({"name": name, "legend": legend, "options": options})
    return {"sjt_mode": SjtMode.BEST_WORST, "groups": groups}


def describe_response(question, response):
    """The learner's answer as readable lines."""
    if response is None:
        return []
    by_id = _choices_by_id(question)
    qtype = question.qtype
    if qtype in (QuestionType.SINGLE, QuestionType.LIKERT):
        return [by_id[response].text] if response in by_id else []
    if qtype == QuestionType.MULTIPLE:
        return [by_id[cid].text for cid in response if cid in by_id]
    if qtype == QuestionType.TRUE_FALSE:
        return [_("Vrai") if response else _("Faux")]
    if qtype == QuestionType.MATCHING:
        return [f"{c.text} → {response.get(str(c.pk), '—')}" for c in question.choices.all()]
    if qtype == QuestionType.ORDERING:
        return [f"{rank}. {by_id[cid].text}" for rank, cid in enumerate(response, start=1) if cid in by_id]
    if qtype == QuestionType.SJT:
        return _describe_sjt(by_id, response)
    return [str(response)]


def _describe_sjt(by_id, response):
    """Best/worst {"best", "worst"} or a ranking [choice ids, rank 1 first], as readable lines."""
    if isinstance(response, dict):
        lines = []
        for key, label in (("best", _("Meilleure réponse")), ("worst", _("Moins bonne réponse"))):
            if response.get(key) in by_id:
                lines.append(f"{label} : {by_id[response[key]].text}")
        return lines
    return [f"{rank}. {by_id[cid].text}" for rank, cid in enumerate(response, start=1) if cid in by_id]


def correct_answer(question):
    """The expected answer as readable lines (shown only when the quiz settings allow it)."""
    qtype = question.qtype
    choices = list(question.choices.all())
    if qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        return [c.text for c in choices if c.is_correct]
    if qtype == QuestionType.TRUE_FALSE:
        return [_("Vrai") if question.true_false_answer else _("Faux")]
    if qtype == QuestionType.MATCHING:
        return [f"{c.text} → {c.match_text}" for c in choices]
    if qtype == QuestionType.ORDERING:
        return [f"{rank}. {c.text}" for rank, c in enumerate(choices, start=1)]
    if qtype == QuestionType.SHORT_ANSWER:
        return question.accepted_answer_list()
    if qtype == QuestionType.SJT:
        by_id = {c.pk: c for c in choices}
        order = expert_order(choices)
        if not order:
            return []
        if question.sjt_mode == SjtMode.RANKING:
            return _describe_sjt(by_id, order)
        return _describe_sjt(by_id, {"best": order[0], "worst": order[-1]})
    return []


def chosen_feedback(question, response):
    """The feedback written for each option the learner picked."""
    if response is None or question.qtype not in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.LIKERT):
        return []
    picked = set(response) if isinstance(response, list) else {response}
    return [c.feedback for c in question.choices.all() if c.pk in picked and c.feedback]


def result_rows(attempt, show_answers):
    """One dict per answer of a submitted attempt, for the results page."""
    rows = []
    for answer in attempt.answers.all():
        question = answer.question
        row = {
            "position": answer.position,
            "is_sjt": bool(question) and question.qtype == QuestionType.SJT,
            "text": question.text if question else answer.question_text,
            "is_correct": answer.is_correct,
            "scored": answer.is_correct is not None,
            # Partial credit: some points without the whole answer (never for answers stored before the rule).
            "partial": answer.is_correct is False and answer.score is not None and answer.score > 0,
            "points": answer.score,
            "your_answer": describe_response(question, answer.response) if question else [],
            "feedback": "",
            "choice_feedback": [],
            "explanation": "",
            "correct_answer": [],
        }
        if question:
            if answer.is_correct is True:
                row["feedback"] = question.feedback_correct
            elif answer.is_correct is False:
                row["feedback"] = question.feedback_incorrect
            row["choice_feedback"] = chosen_feedback(question, answer.response)
            row["explanation"] = question.explanation
            if show_answers and answer.is_correct is not None:
                row["correct_answer"] = correct_answer(question)
        rows.append(row)
    return rows
