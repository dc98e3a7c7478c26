"""The participant's own records for "download my data": the votes cast with an account.

Guests leave no personal data (a pseudonym and a random token); deleting an account deletes its
participations and votes by cascade, and the sessions a trainer ran with them.
"""

from .models import LiveSession, Vote


def export_votes(user):
    votes = (
        Vote.objects.filter(participant__user=user)
        .select_related("session__case", "step")
        .order_by("session__created_at", "step__position")
    )
    run = LiveSession.objects.filter(trainer=user).select_related("case").order_by("created_at")
    return {
        "votes": [
            {
                "seance": vote.session.code,
                "cas": vote.session.case.title,
                "etape": vote.node_key,
                "titre_etape": vote.step.node_title,
                "choix": vote.choice_key,
                "commentaire": vote.comment,
                "vote_le": vote.updated_at,
            }
            for vote in votes
        ],
        "seances_animees": [
            {"seance": s.code, "cas": s.case.title, "groupe": s.group_name, "creee_le": s.created_at} for s in run
        ],
    }
