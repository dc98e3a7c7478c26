"""Server-side scoring. Nothing here ever reaches the browser before the attempt is submitted.

A response is the learner's answer to one question, in the shape stored in Answer.response:
single / likert: choice id; multiple: [choice ids]; true_false: bool; matching: {prompt choice id: match text};
ordering: [choice ids in the learner's order]; short_answer: text.
"""

import re
import unicodedata

from django.utils.translation import gettext as _

from .answer_matching import answer_matches
from .models.bank import QuestionType, ScoringRule

_SPACES = re.compile(r"\s+")


def normalise(text):
    """Lower case, without accents, without surrounding spaces, inner spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def is_correct(question, choices, response):
    """True/False for a scored question, None for a Likert one. `choices` is the question's Choice list."""
    qtype = question.qtype
    if qtype == QuestionType.LIKERT:
        return None
    if response is None or response == "" or response == [] or response == {}:
        return False
    if qtype == QuestionType.SINGLE:
        return {c.pk for c in choices if c.is_correct} == {response}
    if qtype == QuestionType.MULTIPLE:
        return {c.pk for c in choices if c.is_correct} == set(response)
    if qtype == QuestionType.TRUE_FALSE:
        return bool(response) == question.true_false_answer
    if qtype == QuestionType.MATCHING:
        given = {str(k): v for k, v in response.items()}
        return all(normalise(given.get(str(c.pk))) == normalise(c.match_text) for c in choices)
    if qtype == QuestionType.ORDERING:
        return list(response) == [c.pk for c in choices]
    if qtype == QuestionType.SHORT_ANSWER:
        return answer_matches(response, question.accepted_answer_list(), question.strict_matching)
    return False


def question_score(question, choices, response):
    """(is_correct, points from 0 to 1) of one answer; (None, None) for a Likert question.

    Multiple choice with partial credit (docs/quiz.md): (right choices ticked − wrong choices ticked) divided by
    the number of right choices, never below 0. Every other question is all or nothing: 1 or 0.
    """
    flag = is_correct(question, choices, response)
    if flag is None:
        return None, None
    if flag or question.qtype != QuestionType.MULTIPLE or question.scoring_rule != ScoringRule.PARTIAL:
        return flag, float(flag)
    return False, partial_credit(choices, response)


def partial_credit(choices, response):
    right = {choice.pk for choice in choices if choice.is_correct}
    picked = set(response) if isinstance(response, list) else set()
    if not right:
        return 0.0
    return max(0.0, (len(picked & right) - len(picked - right)) / len(right))


def attempt_score(points, pass_mark):
    """(score 0..1 or None, passed or None) from the per-question points (0 to 1; None = not scored)."""
    scored = [float(value) for value in points if value is not None]
    if not scored:
        return None, None
    score = sum(scored) / len(scored)
    return score, score * 100 >= pass_mark - 1e-9


def structure_errors(qtype, choices, accepted_answers=""):
    """Why a question of this type with these choices cannot be taken ([] when it can).

    `choices` are dicts or objects with text / is_correct / match_text. Used by the admin form and the
    Moodle import, so both refuse the same broken questions.
    """

    def get(choice, name):
        return choice.get(name) if isinstance(choice, dict) else getattr(choice, name)

    errors = []
    count = len(choices)
    correct = sum(1 for c in choices if get(c, "is_correct"))
    if qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.LIKERT) and count < 2:
        errors.append(_("Ajoutez au moins deux options."))
    if qtype == QuestionType.SINGLE and correct != 1:
        errors.append(_("Un choix unique doit avoir exactement une bonne réponse."))
    if qtype == QuestionType.MULTIPLE and correct < 1:
        errors.append(_("Cochez au moins une bonne réponse."))
    if qtype == QuestionType.MATCHING:
        if count < 2:
            errors.append(_("Un appariement demande au moins deux paires."))
        if any(not (get(c, "match_text") or "").strip() for c in choices):
            errors.append(_("Chaque élément doit avoir son élément associé."))
    if qtype == QuestionType.ORDERING and count < 2:
        errors.append(_("Une mise en ordre demande au moins deux éléments."))
    if qtype == QuestionType.SHORT_ANSWER and not [a for a in (accepted_answers or "").splitlines() if a.strip()]:
        errors.append(_("Indiquez au moins une réponse acceptée."))
    return errors
