"""Moodle XML import and export of the question bank.

Import is parsed with defusedxml (no entity expansion, no external entities). Each question gets a line
in the report: imported, or refused with the reason. Supported: multichoice (single and multiple),
multichoiceset (the all-or-nothing plugin), truefalse, matching, shortanswer and the ordering plugin
(qtype_ordering). A multiple-response question keeps its rule through a round trip: partial credit is a
multichoice whose wrong answers carry negative fractions (Moodle's way of subtracting them), all-or-nothing a
multichoiceset. Likert scales have no Moodle
equivalent and are left out of the export. Situational-judgement questions have no Moodle equivalent either, and
grade differently: the whole-bank export leaves them out, listed in an XML comment, while the export of one
category that holds one is refused, naming the question (docs/quiz.md).
"""

import html
import re
import xml.etree.ElementTree as ET  # noqa: S405 - used to write XML only; parsing goes through defusedxml
from dataclasses import dataclass

import bleach
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models import Choice, Question, QuestionCategory, QuestionType, ScoringRule
from .scoring import structure_errors

DEFAULT_CATEGORY = "Importées de Moodle"
REFUSED = {
    "essay": gettext_lazy("réponse rédigée à corriger à la main"),
    "calculated": gettext_lazy("question calculée"),
    "calculatedsimple": gettext_lazy("question calculée"),
    "calculatedmulti": gettext_lazy("question calculée"),
    "numerical": gettext_lazy("réponse numérique"),
    "multianswer": gettext_lazy("question à trous (Cloze)"),
    "description": gettext_lazy("simple texte sans question"),
    "randomsamatch": gettext_lazy("appariement aléatoire"),
    "random": gettext_lazy("question aléatoire"),
    "ddwtos": gettext_lazy("glisser-déposer"),
    "ddimageortext": gettext_lazy("glisser-déposer sur image"),
    "ddmarker": gettext_lazy("glisser-déposer de marqueurs"),
    "gapselect": gettext_lazy("sélection de mots manquants"),
}


class MoodleFileError(Exception):
    """The file is not a readable Moodle XML export."""


class MoodleExportError(Exception):
    """The selection holds a question Moodle cannot represent; the message names it."""


@dataclass
class ReportLine:
    name: str
    moodle_type: str
    imported: bool
    reason: str = ""


def to_plain(markup):
    """Moodle stores HTML: keep the text, with line breaks where paragraphs were."""
    if not markup:
        return ""
    text = re.sub(r"(?i)<br\s*/?>|</p>|</li>|</div>", "\n", markup)
    text = html.unescape(bleach.clean(text, tags=set(), strip=True))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _text(node, path):
    found = node.find(path)
    if found is None:
        return ""
    inner = found.find("text")
    return to_plain((inner if inner is not None else found).text or "")


def _fraction(answer):
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        return 0.0


def parse(data):
    """The root element of a Moodle XML export, or MoodleFileError with a readable reason."""
    try:
        root = SafeET.fromstring(data)
    except (ET.ParseError, DefusedXmlException) as error:
        raise MoodleFileError(
            _("Le fichier n'est pas un XML valide ou contient des constructions interdites.")
        ) from error
    if root.tag != "quiz":
        raise MoodleFileError(_("Ce n'est pas un export Moodle XML : l'élément racine doit être <quiz>."))
    return root


@transaction.atomic
def import_questions(data):
    """Create the supported questions of a Moodle XML file; returns the report lines."""
    root = parse(data)
    report = []
    category_name = DEFAULT_CATEGORY
    for node in root.findall("question"):
        moodle_type = node.get("type", "")
        if moodle_type == "category":
            path = _text(node, "category")
            segments = [s for s in path.split("/") if s and not s.startswith("$") and s != "top"]
            category_name = (segments[-1] if segments else DEFAULT_CATEGORY)[:150]
            continue
        name = _text(node, "name")[:200] or _("(sans nom)")
        if moodle_type in REFUSED:
            reason = _("type non pris en charge : %(kind)s") % {"kind": REFUSED[moodle_type]}
            report.append(ReportLine(name, moodle_type, False, reason))
            continue
        builder = BUILDERS.get(moodle_type)
        if builder is None:
            report.append(ReportLine(name, moodle_type, False, _("type inconnu")))
            continue
        fields, choices, note = builder(node)
        errors = structure_errors(fields["qtype"], choices, fields.get("accepted_answers", ""))
        text = _text(node, "questiontext")
        if not text:
            errors.insert(0, _("énoncé vide"))
        if errors:
            report.append(ReportLine(name, moodle_type, False, " ".join(str(e) for e in errors)))
            continue
        category, _created = QuestionCategory.objects.get_or_create(name=category_name)
        question = Question.objects.create(
            category=category,
            name=name,
            text=text,
            explanation=_text(node, "generalfeedback"),
            feedback_correct=_text(node, "correctfeedback"),
            feedback_incorrect=_text(node, "incorrectfeedback"),
            **fields,
        )
        Choice.objects.bulk_create(
            [Choice(question=question, sort_order=i, **choice) for i, choice in enumerate(choices)]
        )
        report.append(ReportLine(name, moodle_type, True, note))
    return report


def _multichoice(node):
    single = (node.findtext("single") or "true").strip().lower() in ("true", "1")
    answers = node.findall("answer")
    choices = []
    for answer in answers:
        fraction = _fraction(answer)
        choices.append(
            {
                "text": _text(answer, ".")[:500],
                "is_correct": fraction >= 100 if single else fraction > 0,
                "feedback": _text(answer, "feedback"),
            }
        )
    if single:
        return {"qtype": QuestionType.SINGLE}, choices, ""
    # Moodle adds the fractions of the ticked answers: positive ones for right answers, negative ones to subtract
    # wrong answers. That is partial credit; Moodle's all-or-nothing is its own type (multichoiceset, below).
    return {"qtype": QuestionType.MULTIPLE, "scoring_rule": ScoringRule.PARTIAL}, choices, ""


def _multichoiceset(node):
    choices = [
        {"text": _text(answer, ".")[:500], "is_correct": _fraction(answer) > 0, "feedback": _text(answer, "feedback")}
        for answer in node.findall("answer")
    ]
    return {"qtype": QuestionType.MULTIPLE, "scoring_rule": ScoringRule.ALL_OR_NOTHING}, choices, ""


def _truefalse(node):
    truth = True
    for answer in node.findall("answer"):
        if _fraction(answer) >= 100:
            truth = _text(answer, ".").strip().lower() in ("true", "vrai")
    return {"qtype": QuestionType.TRUE_FALSE, "true_false_answer": truth}, [], ""


def _matching(node):
    choices, distractors = [], 0
    for sub in node.findall("subquestion"):
        prompt, match = _text(sub, "."), _text(sub, "answer")
        if not prompt:
            distractors += 1
            continue
        choices.append({"text": prompt[:500], "match_text": match[:500]})
    note = _("%(count)s leurre(s) ignoré(s)") % {"count": distractors} if distractors else ""
    return {"qtype": QuestionType.MATCHING}, choices, note


def _shortanswer(node):
    accepted = [_text(a, ".") for a in node.findall("answer") if _fraction(a) >= 100]
    note = ""
    if (node.findtext("usecase") or "0").strip() == "1":
        note = _("la casse sera ignorée")
    return {"qtype": QuestionType.SHORT_ANSWER, "accepted_answers": "\n".join(a for a in accepted if a)}, [], note


def _ordering(node):
    answers = node.findall("answer")
    ordered = sorted(enumerate(answers), key=lambda pair: (_fraction(pair[1]), pair[0]))
    return {"qtype": QuestionType.ORDERING}, [{"text": _text(a, ".")[:500]} for _i, a in ordered], ""


BUILDERS = {
    "multichoice": _multichoice,
    "multichoiceset": _multichoiceset,
    "truefalse": _truefalse,
    "matching": _matching,
    "shortanswer": _shortanswer,
    "ordering": _ordering,
}


# --- Export -------------------------------------------------------------------------------------------


def _add_text(parent, tag, value, fmt="html"):
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = html.escape(value or "").replace("\n", "<br>") if fmt == "html" else value
    return element


def sjt_names(questions):
    """Names of the situational-judgement questions of the selection, which Moodle cannot represent."""
    return list(questions.filter(qtype=QuestionType.SJT).order_by("name").values_list("name", flat=True))


def _quoted(names):
    return ", ".join(f"« {name} »" for name in names)


def export_questions(questions, leave_out_sjt=False):
    """Moodle XML (bytes) for the questions, grouped by category; Likert scales are left out.

    Situational-judgement questions have no Moodle type: with `leave_out_sjt` they are left out and listed in an
    XML comment at the top of the file; otherwise MoodleExportError names them.
    """
    left_out = sjt_names(questions)
    if left_out and not leave_out_sjt:
        raise MoodleExportError(
            ngettext(
                "Export refusé : la question %(names)s est un jugement en situation, un type que Moodle ne connaît "
                "pas. Exportez une catégorie qui ne la contient pas, ou toute la banque, qui la laisse de côté.",
                "Export refusé : les questions %(names)s sont des jugements en situation, un type que Moodle ne "
                "connaît pas. Exportez une catégorie qui ne les contient pas, ou toute la banque, qui les laisse de "
                "côté.",
                len(left_out),
            )
            % {"names": _quoted(left_out)}
        )
    root = ET.Element("quiz")
    if left_out:
        names = re.sub(r"-(?=-)", "- ", _quoted(left_out))  # "--" may not appear inside an XML comment
        note = _("Jugements en situation laissés de côté (type inconnu de Moodle) : %(names)s") % {"names": names}
        root.append(ET.Comment(f" {note} "))
    current = None
    questions = questions.exclude(qtype__in=[QuestionType.LIKERT, QuestionType.SJT])
    questions = questions.select_related("category").prefetch_related("choices")
    for question in questions.order_by("category__name", "pk"):
        if question.category_id != current:
            current = question.category_id
            node = ET.SubElement(root, "question", {"type": "category"})
            _add_text(node, "category", f"$course$/top/{question.category.name}", fmt=None)
        _export_question(root, question)
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


MOODLE_TYPES = {
    QuestionType.SINGLE: "multichoice",
    QuestionType.MULTIPLE: "multichoice",
    QuestionType.TRUE_FALSE: "truefalse",
    QuestionType.MATCHING: "matching",
    QuestionType.SHORT_ANSWER: "shortanswer",
    QuestionType.ORDERING: "ordering",
}


def moodle_type(question):
    if question.qtype == QuestionType.MULTIPLE and question.scoring_rule == ScoringRule.ALL_OR_NOTHING:
        return "multichoiceset"
    return MOODLE_TYPES[question.qtype]


def _export_question(root, question):
    node = ET.SubElement(root, "question", {"type": moodle_type(question)})
    name = ET.SubElement(node, "name")
    ET.SubElement(name, "text").text = question.name
    _add_text(node, "questiontext", question.text)
    _add_text(node, "generalfeedback", question.explanation)
    ET.SubElement(node, "defaultgrade").text = "1"
    choices = list(question.choices.all())
    qtype = question.qtype
    if qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        ET.SubElement(node, "single").text = "true" if qtype == QuestionType.SINGLE else "false"
        ET.SubElement(node, "shuffleanswers").text = "true"
        correct_count = sum(1 for c in choices if c.is_correct) or 1
        for choice in choices:
            if qtype == QuestionType.SINGLE:
                fraction = "100" if choice.is_correct else "0"
            elif choice.is_correct:
                fraction = f"{100 / correct_count:.5g}"
            else:  # partial credit subtracts a wrong answer; all or nothing (multichoiceset) ignores fractions
                fraction = f"{-100 / correct_count:.5g}" if question.scoring_rule == ScoringRule.PARTIAL else "0"
            answer = _add_text(node, "answer", choice.text)
            answer.set("fraction", fraction)
            _add_text(answer, "feedback", choice.feedback)
    elif qtype == QuestionType.TRUE_FALSE:
        for value in ("true", "false"):
            answer = ET.SubElement(
                node,
                "answer",
                {
                    "fraction": "100" if (value == "true") == question.true_false_answer else "0",
                    "format": "moodle_auto_format",
                },
            )
            ET.SubElement(answer, "text").text = value
    elif qtype == QuestionType.MATCHING:
        ET.SubElement(node, "shuffleanswers").text = "true"
        for choice in choices:
            sub = _add_text(node, "subquestion", choice.text)
            answer = ET.SubElement(sub, "answer")
            ET.SubElement(answer, "text").text = choice.match_text
    elif qtype == QuestionType.SHORT_ANSWER:
        ET.SubElement(node, "usecase").text = "0"
        for accepted in question.accepted_answer_list():
            answer = ET.SubElement(node, "answer", {"fraction": "100", "format": "moodle_auto_format"})
            ET.SubElement(answer, "text").text = accepted
    elif qtype == QuestionType.ORDERING:
        ET.SubElement(node, "layouttype").text = "VERTICAL"
        ET.SubElement(node, "selecttype").text = "ALL"
        ET.SubElement(node, "selectcount").text = "0"
        ET.SubElement(node, "gradingtype").text = "ABSOLUTE_POSITION"
        for rank, choice in enumerate(choices, start=1):
            answer = _add_text(node, "answer", choice.text)
            answer.set("fraction", str(rank))
    _add_text(node, "correctfeedback", question.feedback_correct)
    _add_text(node, "incorrectfeedback", question.feedback_incorrect)
