"""Server-side scoring. Nothing here ever reaches the browser before the attempt is submitted.

A response is the learner's answer to one question, in the shape stored in Answer.response:
single / likert: choice id; multiple: [choice ids]; true_false: bool; matching: {prompt choice id: match text};
ordering: [choice ids in the learner's order]; short_answer: text;
sjt (situational judgement): {"best": choice id, "worst": choice id} in best/worst mode,
[choice ids from the learner's rank 1 to rank n] in ranking mode.
"""

import re
import unicodedata

from django.utils.translation import gettext as _

from .answer_matching import answer_matches
from .models.bank import SJT_MAX_RESPONSES, SJT_MIN_RESPONSES, QuestionType, ScoringRule, SjtMode

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
    if qtype == QuestionType.SJT:
        return sjt_points(question, choices, response) == 1.0
    if qtype == QuestionType.SHORT_ANSWER:
        return answer_matches(response, question.accepted_answer_list(), question.strict_matching)
    return False


def question_score(question, choices, response):
    """(is_correct, points from 0 to 1) of one answer; (None, None) for a Likert question.

    Multiple choice with partial credit (docs/quiz.md): (right choices ticked − wrong choices ticked) divided by
    the number of right choices, never below 0. Situational judgement: see sjt_points. Every other question is
    all or nothing: 1 or 0.
    """
    flag = is_correct(question, choices, response)
    if flag is None:
        return None, None
    if question.qtype == QuestionType.SJT:
        return flag, sjt_points(question, choices, response)
    if flag or question.qtype != QuestionType.MULTIPLE or question.scoring_rule != ScoringRule.PARTIAL:
        return flag, float(flag)
    return False, partial_credit(choices, response)


def partial_credit(choices, response):
    right = {choice.pk for choice in choices if choice.is_correct}
    picked = set(response) if isinstance(response, list) else set()
    if not right:
        return 0.0
    return max(0.0, (len(picked & right) - len(picked - right)) / len(right))


def expert_order(choices):
    """The choice ids from the expert's best (rank 1) to worst (rank n)."""
    ranked = sorted((c for c in choices if c.expert_rank is not None), key=lambda c: c.expert_rank)
    return [c.pk for c in ranked]


def max_rank_distance(count):
    """The largest sum of |learner rank − expert rank| over a ranking of `count` items: floor(n² / 2)."""
    return count * count // 2


def sjt_points(question, choices, response):
    """Points (0 to 1) of a situational-judgement answer (docs/quiz.md).

    Best/worst: 0.5 for the expert's best response picked as best, 0.5 for the expert's worst picked as worst.
    Ranking: 1 − Σ|learner rank − expert rank| ÷ floor(n² / 2), never below 0.
    """
    order = expert_order(choices)
    if not order or not response:
        return 0.0
    if question.sjt_mode == SjtMode.RANKING:
        if not isinstance(response, list) or sorted(response) != sorted(order):
            return 0.0
        distance = sum(abs(index - order.index(cid)) for index, cid in enumerate(response))
        return max(0.0, 1 - distance / max_rank_distance(len(order)))
    if not isinstance(response, dict):
        return 0.0
    return 0.5 * (response.get("best") == order[0]) + 0.5 * (response.get("worst") == order[-1])


def sjt_rank_errors(ranks):
    """{index: message} for the expert ranks (None when empty) of a situational-judgement question's responses.

    The ranking must be complete and unique: each rank from 1 to n exactly once.
    """
    count = len(ranks)
    errors, seen = {}, {}
    for index, rank in enumerate(ranks):
        if rank is None:
            errors[index] = _("Donnez un rang à cette réponse (1 = la meilleure).")
        elif not 1 <= rank <= count:
            errors[index] = _("Le rang doit être compris entre 1 et %(count)s.") % {"count": count}
        else:
            seen.setdefault(rank, []).append(index)
    for rank, indexes in seen.items():
        if len(indexes) > 1:
            for index in indexes:
                errors[index] = _(
                    "Le rang %(rank)s est donné à plusieurs réponses : chaque rang ne sert qu'une fois."
                ) % {"rank": rank}
    return errors


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
    if qtype == QuestionType.SJT:
        if not SJT_MIN_RESPONSES <= count <= SJT_MAX_RESPONSES:
            errors.append(
                _("Un jugement en situation propose entre %(min)s et %(max)s réponses (ici : %(count)s).")
                % {"min": SJT_MIN_RESPONSES, "max": SJT_MAX_RESPONSES, "count": count}
            )
        if sjt_rank_errors([get(c, "expert_rank") for c in choices]):
            errors.append(
                _(
                    "Classez chaque réponse de 1 (la meilleure) à %(count)s (la moins bonne), "
                    "chaque rang une seule fois."
                )
                % {"count": count}
            )
    if qtype == QuestionType.SHORT_ANSWER and not [a for a in (accepted_answers or "").splitlines() if a.strip()]:
        errors.append(_("Indiquez au moins une réponse acceptée."))
    return errors
