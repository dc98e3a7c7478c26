"""The learner's own case records: "download my data" and the "Mon espace" section."""

from .models import CaseAttempt, CaseDecision


def export_attempts(user):
    """Every attempt with its decisions and justifications, as JSON-serialisable data."""
    attempts = CaseAttempt.objects.filter(user=user).select_related("case").order_by("started_at")
    decisions = {}
    for decision in CaseDecision.objects.filter(attempt__user=user).order_by("attempt_id", "step"):
        decisions.setdefault(decision.attempt_id, []).append(
            {
                "rang": decision.step + 1,
                "etape": decision.node_key,
                "titre_etape": decision.node_title,
                "phase": decision.phase,
                "choix": decision.choice_key,
                "intitule_choix": decision.choice_label,
                "qualite": decision.quality,
                "points": decision.score,
                "justification": decision.justification,
                "etape_affichee_le": decision.presented_at,
                "decide_le": decision.decided_at,
                "temps_passe_s": decision.time_spent_seconds,
            }
        )
    return [
        {
            "cas": attempt.case.title,
            "cas_id": attempt.case_id,
            "tentative": attempt.number,
            "version": attempt.revision_id,
            "statut": attempt.status,
            "commencee_le": attempt.started_at,
            "terminee_le": attempt.completed_at,
            "fin": attempt.ending_key,
            "score": attempt.score,
            "decisions": decisions.get(attempt.pk, []),
        }
        for attempt in attempts
    ]


def my_space_context(request):
    attempts = list(
        CaseAttempt.objects.filter(user=request.user)
        .exclude(status=CaseAttempt.Status.ABANDONED)
        .select_related("case")
        # The list shows titles, numbers, scores and dates: the case's graph (a large JSON field) stays unread.
        .only("pk", "case_id", "number", "status", "score", "started_at", "completed_at", "case__title")
        .order_by("-started_at")[:10]
    )
    return {
        "in_progress": [a for a in attempts if a.status == CaseAttempt.Status.IN_PROGRESS],
        "finished": [a for a in attempts if a.status == CaseAttempt.Status.COMPLETED],
    }
