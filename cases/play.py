"""Playing a case: start an attempt, record a decision, go on after the feedback, build the debrief.

Views call these functions and tests call them directly. Each decision is written under a row lock on
the attempt and a unique (attempt, step) constraint, so a double or replayed submission is refused
and nothing is recorded twice.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import CompetenceDomain
from progress import api as progress
from progress.models import Status
from statements import api as statements

from .graph import Phase, Quality, recommended_path
from .models import CaseAttempt, CaseDecision

XAPI_EXTENSION = "/xapi/extensions/"


class PlayError(Exception):
    """A request that cannot be honoured; `status` is the HTTP status the view answers with."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def start_attempt(user, case):
    """A new attempt on the live version of the case. Earlier unfinished attempts are set aside (kept)."""
    revision = case.live_revision or case.latest_revision
    version = revision.as_object() if revision else case
    start = version.graph.start
    if start is None:
        raise PlayError(_("Ce cas n'a pas d'étape de départ : il ne peut pas être joué pour le moment."))
    now = timezone.now()
    try:
        with transaction.atomic():
            previous = CaseAttempt.objects.select_for_update().filter(user=user, case=case)
            just_started = _just_started(user, case, now)
            if just_started is not None:
                return just_started
            number = max((attempt.number for attempt in previous), default=0) + 1
            previous.filter(status=CaseAttempt.Status.IN_PROGRESS).update(status=CaseAttempt.Status.ABANDONED)
            attempt = CaseAttempt.objects.create(
                user=user,
                case=case,
                revision=revision,
                number=number,
                current_node_key=start.key,
                node_shown_at=now,
            )
    except IntegrityError as error:  # two clicks on "Commencer": the first attempt wins
        raise PlayError(_("Une tentative vient d'être commencée : reprenez-la depuis la page du cas.")) from error
    progress.record_activity(user, case.activity_key, Status.STARTED)
    return attempt


DOUBLE_CLICK_WINDOW = timedelta(seconds=10)


def _just_started(user, case, now):
    """An attempt started a moment ago and still untouched: a second click on « Commencer » resumes it rather
    than setting it aside for a new one."""
    return (
        CaseAttempt.objects.filter(user=user, case=case, status=CaseAttempt.Status.IN_PROGRESS)
        .filter(started_at__gte=now - DOUBLE_CLICK_WINDOW)
        .exclude(decisions__isnull=False)
        .order_by("-number")
        .first()
    )


def decide(attempt, *, step, node_key, choice_key, justification="", now=None):
    """Record the learner's choice at the current node and move the attempt on. Returns the decision.

    Raises PlayError (400) when the attempt is finished, when the step or node is not the current one
    (double submission, stale form), or when the choice does not belong to the current node.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = CaseAttempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.status != CaseAttempt.Status.IN_PROGRESS:
            raise PlayError(_("Cette tentative n'est plus en cours : ce choix n'a pas été enregistré."))
        if locked.feedback_pending or step != locked.decisions.count() or node_key != locked.current_node_key:
            raise PlayError(
                _(
                    "Ce choix a déjà été enregistré ou ne correspond plus à l'étape en cours. "
                    "Reprenez le cas là où vous en êtes."
                )
            )
        graph = locked.graph
        node = graph.get(locked.current_node_key)
        choice = node.choice(choice_key) if node and not node.is_ending else None
        if choice is None:
            raise PlayError(_("Ce choix n'appartient pas à l'étape en cours : il n'a pas été enregistré."))
        seconds = int((now - locked.node_shown_at).total_seconds()) if locked.node_shown_at else 0
        try:
            with transaction.atomic():
                decision = CaseDecision.objects.create(
                    attempt=locked,
                    step=step,
                    node_key=node.key,
                    choice_key=choice.key,
                    phase=node.phase,
                    node_title=node.title[:200],
                    choice_label=choice.label[:300],
                    quality=choice.quality,
                    score=choice.score,
                    max_score=node.max_score,
                    justification=justification.strip(),
                    presented_at=locked.node_shown_at,
                    time_spent_seconds=max(seconds, 0),
                )
        except IntegrityError as error:
            raise PlayError(_("Ce choix a déjà été enregistré.")) from error
        locked.current_node_key = choice.next_key
        locked.feedback_pending = True
        next_node = graph.get(choice.next_key)
        if next_node is not None and next_node.is_ending:
            _finish(locked, next_node, now)
        locked.save()
        _store_choice_statement(locked, node, choice, decision)
    attempt.refresh_from_db()
    return decision


def _finish(attempt, ending, now):
    decisions = list(attempt.decisions.all())
    possible = sum(decision.max_score for decision in decisions)
    attempt.score = (sum(decision.score for decision in decisions) / possible) if possible else 1.0
    attempt.status = CaseAttempt.Status.COMPLETED
    attempt.ending_key = ending.key
    attempt.completed_at = now
    duration = sum(decision.time_spent_seconds for decision in decisions)
    progress.record_activity(
        attempt.user, attempt.case.activity_key, Status.COMPLETED, score=attempt.score, duration=duration
    )
    statement = statements.build_statement(
        attempt.user,
        "completed",
        statements.activity_iri(f"/cas-pratiques/{attempt.case_id}/"),
        attempt.case.title,
        result={"score": {"scaled": round(attempt.score, 4)}, "completion": True},
        extensions={statements.activity_iri(XAPI_EXTENSION + "attempt"): attempt.pk},
    )
    statements.store_statement(attempt.user, statement)


def _store_choice_statement(attempt, node, choice, decision):
    """The decision as an xAPI "chose" statement, with the justification, for forwarding to an LRS."""
    result = {
        "response": choice.key,
        "success": choice.quality != Quality.AVOID,
        "score": {"raw": choice.score, "min": 0, "max": max(node.max_score, 1), "scaled": choice.score / 10},
        "duration": f"PT{decision.time_spent_seconds}S",
        "extensions": {
            statements.activity_iri(XAPI_EXTENSION + "justification"): decision.justification,
            statements.activity_iri(XAPI_EXTENSION + "quality"): choice.quality,
        },
    }
    statement = statements.build_statement(
        attempt.user,
        "chose",
        statements.activity_iri(f"/cas-pratiques/{attempt.case_id}/etapes/{node.key}"),
        node.title,
        result=result,
        extensions={
            statements.activity_iri(XAPI_EXTENSION + "attempt"): attempt.pk,
            statements.activity_iri(XAPI_EXTENSION + "revision"): attempt.revision_id,
            statements.activity_iri(XAPI_EXTENSION + "choice-label"): choice.label,
        },
    )
    statements.store_statement(attempt.user, statement)


def continue_attempt(attempt, now=None):
    """After reading the feedback: show the next node (and start its clock). Idempotent."""
    with transaction.atomic():
        locked = CaseAttempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.feedback_pending:
            locked.feedback_pending = False
            if locked.status == CaseAttempt.Status.IN_PROGRESS:
                locked.node_shown_at = now or timezone.now()
            locked.save(update_fields=["feedback_pending", "node_shown_at"])
    attempt.refresh_from_db()
    return attempt


def debrief(attempt):
    """Path taken beside the recommended path, phase by phase, with each choice's feedback again."""
    graph = attempt.graph
    decisions = list(attempt.decisions.all())
    for decision in decisions:
        node = graph.get(decision.node_key)
        decision.choice = node.choice(decision.choice_key) if node else None
        decision.quality_label = Quality.label(decision.quality)
    recommended = [(node, choice) for node, choice in recommended_path(graph) if not node.is_ending]
    phases = []
    for phase, label in Phase.CHOICES:
        taken = [decision for decision in decisions if decision.phase == phase]
        advised = [(node, choice) for node, choice in recommended if node.phase == phase]
        if taken or advised:
            phases.append({"key": phase, "label": label, "taken": taken, "recommended": advised})
    return {
        "decisions": decisions,
        "phases": phases,
        "phase_profile": phase_profile(decisions),
        "domain_profile": domain_profile(decisions),
        "ending": graph.get(attempt.ending_key),
        "recommended_count": len(recommended),
        "followed_recommended": sum(1 for decision in decisions if decision.quality == Quality.RECOMMENDED),
    }


def _share(points, possible):
    return round(100 * points / possible) if possible else 0


def phase_profile(decisions):
    """Points earned over points possible in each ISIC phase the attempt went through, in the cycle's order."""
    totals = {}
    for decision in decisions:
        add_to_profile(totals, decision.phase, 1, decision.score, decision.max_score)
    return phase_rows(totals)


def domain_profile(decisions):
    """Per competence domain, the weighted points of the decisions whose chosen choice exercises it.

    A choice tagged with a domain and a weight counts score × weight over the node's best score × weight; the
    decisions are those of this attempt, read in the version of the case it was played on (decision.choice).
    """
    totals = {}
    for decision in decisions:
        choice = getattr(decision, "choice", None)
        if choice is not None and choice.competence_id:
            weight = choice.competence_weight
            add_to_profile(totals, choice.competence_id, 1, decision.score * weight, decision.max_score * weight)
    return domain_rows(totals)


def add_to_profile(totals, key, decisions, points, possible):
    row = totals.setdefault(key, {"decisions": 0, "points": 0, "possible": 0})
    row["decisions"] += decisions
    row["points"] += points
    row["possible"] += possible


def phase_rows(totals):
    """{phase: {decisions, points, possible}} as the profile's rows, in the cycle's order (debrief and report)."""
    return [
        {"label": label, **totals[phase], "percent": _share(totals[phase]["points"], totals[phase]["possible"])}
        for phase, label in Phase.CHOICES
        if phase in totals
    ]


def domain_rows(totals):
    """{domain pk: {decisions, points, possible}} as the profile's rows, by domain code (debrief and report)."""
    domains = CompetenceDomain.objects.filter(pk__in=totals).order_by("code")
    return [
        {
            "domain": domain,
            **totals[domain.pk],
            "percent": _share(totals[domain.pk]["points"], totals[domain.pk]["possible"]),
        }
        for domain in domains
    ]
