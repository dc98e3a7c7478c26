"""Taking a quiz: start or resume an attempt, read answers from a form, save a draft, submit once.

Every rule lives here (attempt limits, time limit, one submission); views only translate HTTP.
"""

import random
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.cache_versions import learner_changed
from progress import api as progress
from progress.models import Status

from . import scoring, xapi
from .models import Answer, Attempt, Question, QuestionType, SjtMode
from .models.bank import CHOICE_TYPES

# Network latency allowance after the deadline: a form sent at 59:59 still counts.
GRACE = timedelta(seconds=5)


class QuizError(Exception):
    """A refusal to show the learner as a clear message (no attempts left, empty quiz...)."""


class BadAnswer(Exception):
    """A value no honest form can send (choice of another question, tampered index): answered with 400."""


# --- Starting ------------------------------------------------------------------------------------------


def used_attempts(quiz, user):
    return Attempt.objects.filter(quiz=quiz, user=user).count()


def attempts_left(quiz, user):
    """None when unlimited, otherwise how many new attempts the learner may still start."""
    if not quiz.max_attempts:
        return None
    return max(0, quiz.max_attempts - Attempt.objects.submitted().filter(quiz=quiz, user=user).count())


def open_attempt(quiz, user):
    """The learner's unfinished attempt, closed first if its time is over (then None)."""
    attempt = Attempt.objects.in_progress().filter(quiz=quiz, user=user).first()
    if attempt and finalize_if_expired(attempt):
        return None
    return attempt


def start_attempt(quiz, user, rng=None):
    """Resume the open attempt or start a new one; raises QuizError when none may be started."""
    attempt = open_attempt(quiz, user)
    if attempt:
        return attempt
    used = used_attempts(quiz, user)
    if quiz.max_attempts and used >= quiz.max_attempts:
        raise QuizError(_("Vous avez utilisé toutes les tentatives autorisées pour ce quiz."))
    layout = build_layout(quiz, rng or random.SystemRandom())
    if not layout:
        raise QuizError(_("Ce quiz ne contient encore aucune question."))
    now = timezone.now()
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                quiz=quiz, user=user, number=used + 1, started_at=now, deadline=deadline, layout=layout
            )
    except IntegrityError:  # a double click started it in a concurrent request
        attempt = Attempt.objects.in_progress().filter(quiz=quiz, user=user).first()
        if attempt is None:
            raise QuizError(_("Une tentative vient d'être enregistrée : rechargez la page.")) from None
        return attempt
    progress.record_activity(user, quiz.activity_key, Status.STARTED)
    xapi.attempt_started(attempt)
    return attempt


def build_layout(quiz, rng):
    """Pick the questions (fixed ones, then draws) and fix the display order of options for the attempt."""
    items = list(quiz.items.order_by("sort_order"))
    chosen, used = [], {item.question_id for item in items if item.question_id}
    for item in items:
        if item.question_id:
            if item.question_id not in chosen:
                chosen.append(item.question_id)
            continue
        pool = sorted(
            Question.objects.filter(category_id=item.category_id).exclude(pk__in=used).values_list("pk", flat=True)
        )
        drawn = rng.sample(pool, min(item.draw_count, len(pool)))
        used.update(drawn)
        chosen.extend(drawn)
    if quiz.shuffle_questions:
        rng.shuffle(chosen)
    questions = Question.objects.prefetch_related("choices").in_bulk(chosen)
    layout = []
    for qid in chosen:
        question = questions[qid]
        ids = [c.pk for c in question.choices.all()]
        entry = {"q": qid}
        if question.qtype == QuestionType.ORDERING:
            entry["choices"] = _shuffled_not_identical(ids, rng)
        elif question.qtype == QuestionType.MATCHING:
            entry["choices"] = _shuffled(ids, rng) if quiz.shuffle_choices else ids
            matches = sorted({c.match_text for c in question.choices.all()})
            # Always shuffled: listed in the prompts' order they would give the answer away.
            entry["matches"] = _shuffled(matches, rng)
        elif question.qtype == QuestionType.SJT:
            entry["choices"] = _shuffled(ids, rng) if quiz.shuffle_choices else ids
            # The mode is fixed for the attempt: an author changing it later does not break the form.
            entry["mode"] = question.sjt_mode
        elif question.qtype in CHOICE_TYPES:
            shuffle = quiz.shuffle_choices and question.qtype != QuestionType.LIKERT
            entry["choices"] = _shuffled(ids, rng) if shuffle else ids
        layout.append(entry)
    return layout


def _shuffled(values, rng):
    values = list(values)
    rng.shuffle(values)
    return values


def _shuffled_not_identical(values, rng):
    """An ordering question must never be displayed already in the right order."""
    if len(values) < 2:
        return list(values)
    shuffled = _shuffled(values, rng)
    if shuffled == list(values):
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


# --- Reading a form -----------------------------------------------------------------------------------


def field_names(entry, qtype):
    """The form fields that carry the answer to one question of the layout."""
    base = f"q{entry['q']}"
    if qtype == QuestionType.MATCHING:
        return [f"{base}-{cid}" for cid in entry["choices"]]
    if qtype == QuestionType.ORDERING:
        return [f"{base}-{index}" for index in range(len(entry["choices"]))]
    if qtype == QuestionType.SJT:
        if sjt_mode(entry) == SjtMode.RANKING:
            return [f"{base}-rang{index}" for index in range(len(entry["choices"]))]
        return [f"{base}-meilleure", f"{base}-moins-bonne"]
    return [base]


def sjt_mode(entry):
    return entry.get("mode") or SjtMode.BEST_WORST


def raw_values(attempt, questions, data):
    """Keep only the fields of this attempt from a POST (QueryDict) or a saved draft (dict)."""
    raw = {}
    for entry in attempt.layout:
        question = questions.get(entry["q"])
        if question is None:
            continue
        for name in field_names(entry, question.qtype):
            if hasattr(data, "getlist"):
                values = [v for v in data.getlist(name) if v != ""]
            else:
                value = data.get(name)
                values = value if isinstance(value, list) else ([value] if value not in (None, "") else [])
            if values:
                raw[name] = values if question.qtype == QuestionType.MULTIPLE else values[0]
    return raw


def parse_responses(attempt, questions, raw):
    """({question id: response}, {question id: error message}) from raw values.

    Complete answers only go in responses; an unanswered or half-answered question gets a message.
    Raises BadAnswer for a value the form could not have offered.
    """
    responses, errors = {}, {}
    for entry in attempt.layout:
        question = questions.get(entry["q"])
        if question is None:
            continue
        qid, qtype = entry["q"], question.qtype
        names = field_names(entry, qtype)
        if qtype in (QuestionType.SINGLE, QuestionType.LIKERT):
            value = raw.get(names[0])
            if value is None:
                errors[qid] = _("Choisissez une réponse.")
            else:
                responses[qid] = _choice_id(value, entry)
        elif qtype == QuestionType.MULTIPLE:
            values = raw.get(names[0]) or []
            if isinstance(values, str):
                values = [values]
            if not values:
                errors[qid] = _("Cochez au moins une réponse.")
            else:
                responses[qid] = sorted({_choice_id(v, entry) for v in values})
        elif qtype == QuestionType.TRUE_FALSE:
            value = raw.get(names[0])
            if value is None:
                errors[qid] = _("Choisissez « Vrai » ou « Faux ».")
            elif value not in ("true", "false"):
                raise BadAnswer(_("Réponse invalide pour une question « vrai ou faux »."))
            else:
                responses[qid] = value == "true"
        elif qtype == QuestionType.MATCHING:
            pairs = {}
            for cid, name in zip(entry["choices"], names, strict=True):
                if raw.get(name) is not None:
                    pairs[str(cid)] = entry["matches"][_index(raw[name], len(entry["matches"]))]
            if len(pairs) < len(names):
                errors[qid] = _("Associez chaque élément.")
            else:
                responses[qid] = pairs
        elif qtype == QuestionType.ORDERING:
            ranks = {}
            for index, name in enumerate(names):
                if raw.get(name) is not None:
                    ranks[index] = _index(raw[name], len(names), start=1)
            if len(ranks) < len(names):
                errors[qid] = _("Donnez une position à chaque élément.")
            elif len(set(ranks.values())) != len(names):
                errors[qid] = _("Chaque position ne peut servir qu'une fois.")
            else:
                responses[qid] = [entry["choices"][index] for index, _rank in sorted(ranks.items(), key=lambda i: i[1])]
        elif qtype == QuestionType.SJT:
            response, error = _parse_sjt(entry, names, raw)
            if error:
                errors[qid] = error
            else:
                responses[qid] = response
        elif qtype == QuestionType.SHORT_ANSWER:
            value = (raw.get(names[0]) or "").strip()
            if len(value) > 500:
                raise BadAnswer(_("Réponse trop longue."))
            if not value:
                errors[qid] = _("Écrivez votre réponse.")
            else:
                responses[qid] = value
    return responses, errors


def _parse_sjt(entry, names, raw):
    """(response, None) or (None, message) for a situational-judgement question."""
    if sjt_mode(entry) == SjtMode.RANKING:
        ranks = {}
        for index, name in enumerate(names):
            if raw.get(name) is not None:
                ranks[index] = _index(raw[name], len(names), start=1)
        if len(ranks) < len(names):
            return None, _("Donnez un rang à chaque réponse, de 1 (la meilleure) à %(count)s (la moins bonne).") % {
                "count": len(names)
            }
        counts = {}
        for rank in ranks.values():
            counts[rank] = counts.get(rank, 0) + 1
        repeated = sorted(rank for rank, count in counts.items() if count > 1)
        if repeated:
            listed = ", ".join(str(rank) for rank in repeated)
            return None, ngettext(
                "Le rang %(ranks)s est donné à plusieurs réponses : chaque rang ne peut servir qu'une fois.",
                "Les rangs %(ranks)s sont donnés à plusieurs réponses : chaque rang ne peut servir qu'une fois.",
                len(repeated),
            ) % {"ranks": listed}
        return [entry["choices"][index] for index, _rank in sorted(ranks.items(), key=lambda i: i[1])], None
    best, worst = raw.get(names[0]), raw.get(names[1])
    best = _choice_id(best, entry) if best is not None else None
    worst = _choice_id(worst, entry) if worst is not None else None
    if best is None and worst is None:
        return None, _("Choisissez la meilleure réponse et la moins bonne réponse.")
    if best is None:
        return None, _("Choisissez aussi la meilleure réponse.")
    if worst is None:
        return None, _("Choisissez aussi la moins bonne réponse.")
    if best == worst:
        return None, _(
            "Vous avez choisi la même réponse comme meilleure et comme moins bonne : choisissez deux réponses "
            "différentes."
        )
    return {"best": best, "worst": worst}, None


def _choice_id(value, entry):
    try:
        cid = int(value)
    except (TypeError, ValueError):
        raise BadAnswer(_("Réponse invalide : ce choix n'existe pas.")) from None
    if cid not in entry.get("choices", []):
        raise BadAnswer(_("Réponse invalide : ce choix n'appartient pas à cette question."))
    return cid


def _index(value, length, start=0):
    try:
        index = int(value)
    except (TypeError, ValueError):
        raise BadAnswer(_("Réponse invalide : valeur inattendue.")) from None
    if not start <= index < length + start:
        raise BadAnswer(_("Réponse invalide : valeur hors des choix proposés."))
    return index


def layout_questions(attempt):
    """{question id: Question} for the attempt, choices prefetched in their authored order."""
    ids = [entry["q"] for entry in attempt.layout]
    return Question.objects.prefetch_related("choices").in_bulk(ids)


# --- Saving and submitting ----------------------------------------------------------------------------


def is_late(attempt, now=None):
    return attempt.deadline is not None and (now or timezone.now()) > attempt.deadline + GRACE


def save_draft(attempt, raw, now=None):
    """Keep the answers given so far (resume later; they count if the time runs out). False if too late."""
    if attempt.is_submitted or is_late(attempt, now):
        return False
    Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(draft=raw)
    attempt.draft = raw
    return True


def finalize_if_expired(attempt, now=None):
    """Submit an unfinished attempt whose time is over, with what was saved before the deadline."""
    if attempt.is_submitted or not is_late(attempt, now):
        return False
    submit_attempt(attempt, attempt.draft or {}, now=now, expired=True)
    return True


def submit_attempt(attempt, raw, now=None, expired=False):
    """Score and close the attempt once. Returns True if this call closed it, False if it was already closed.

    The conditional UPDATE is the lock: of two simultaneous submissions only one matches the row, on
    PostgreSQL and SQLite alike, so an attempt is never counted twice.
    """
    now = now or timezone.now()
    questions = layout_questions(attempt)
    if not expired and is_late(attempt, now):
        expired, raw = True, attempt.draft or {}
    values = raw_values(attempt, questions, raw)
    responses, _errors = parse_responses(attempt, questions, values)
    with transaction.atomic():
        claimed = Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
            submitted_at=now, expired=expired, draft=values
        )
        if not claimed:
            attempt.refresh_from_db()
            return False
        flags, answers = [], []
        for position, entry in enumerate(attempt.layout, start=1):
            question = questions.get(entry["q"])
            if question is None:
                continue
            response = responses.get(entry["q"])
            flag, points = scoring.question_score(question, list(question.choices.all()), response)
            flags.append(points)
            answers.append(
                Answer(
                    attempt=attempt,
                    question=question,
                    position=position,
                    question_text=question.text,
                    response=response,
                    is_correct=flag,
                    score=points,
                )
            )
        Answer.objects.bulk_create(answers)
        score, passed = scoring.attempt_score(flags, attempt.quiz.pass_mark)
        Attempt.objects.filter(pk=attempt.pk).update(score=score, passed=passed)
        learner_changed(attempt.user_id, "quizzes")  # UPDATE sends no post_save: "Mon espace" lists the score
        attempt.refresh_from_db()
        _report(attempt, flags)
    return True


def _report(attempt, points):
    """Results go to progress (a questionnaire is completed once answered, a scored quiz when passed) and to the
    xAPI statements."""
    quiz = attempt.quiz
    duration = int((attempt.submitted_at - attempt.started_at).total_seconds())
    # The quiz's own statement first: the lesson and module it completes follow it (courses/xapi.py).
    xapi.attempt_submitted(attempt, points)
    if attempt.score is None:
        progress.record_activity(attempt.user, quiz.activity_key, Status.COMPLETED, duration=duration)
    else:
        status = Status.COMPLETED if attempt.passed else Status.FAILED
        progress.record_activity(attempt.user, quiz.activity_key, status, score=attempt.score, duration=duration)


def may_show_answers(attempt):
    """Whether the correct answers may be displayed on this submitted attempt's results."""
    from .models import AnswerVisibility

    quiz = attempt.quiz
    if not attempt.is_submitted or quiz.is_self_positioning or quiz.show_answers == AnswerVisibility.NEVER:
        return False
    if quiz.show_answers == AnswerVisibility.AFTER_EACH:
        return True
    return bool(quiz.max_attempts) and attempts_left(quiz, attempt.user) == 0
