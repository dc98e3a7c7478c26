"""Demo: one finished collective session on the demo case, run by the demo trainer with twelve guests.

Idempotent: the session is recognised by its code. Votes follow a fixed pattern (most of the group on the
recommended choice, the rest spread over the others) so the demo is the same every time.
"""

from cases.graph import Quality, best_choice

from . import live
from .models import LiveSession

CODE = "DEBRF5"
TRAINER_EMAIL = "formatrice@demo.collectif.test"
GUESTS = ["Amina", "Bruno", "Chloé", "Djibril", "Élise", "Farid", "Gaëlle", "Hugo", "Inès", "Jonas", "Katia", "Léo"]
COMMENTS = {
    Quality.RECOMMENDED: [
        "Les personnes concernées savent mieux que nous ce qui se passe dans l'immeuble.",
        "Plus long au départ, mais le groupe porte la démarche lui-même.",
    ],
    Quality.ACCEPTABLE: ["On répond vite à l'urgence, on verra le collectif ensuite."],
    Quality.AVOID: ["Le bailleur a plus de poids que nous pour régler ça."],
}


def _ballots(node):
    """Twelve ballots: seven for the recommended choice, five spread over the others."""
    best = best_choice(node)
    others = [choice for choice in node.choices if choice.key != best.key] or [best]
    return [best] * 7 + [others[i % len(others)] for i in range(5)]


def load():
    from accounts.models import User
    from cases.demo import SLUG
    from cases.models import CasePage

    from .tasks import ensure_scheduled

    ensure_scheduled()  # the daily retention purge, as teams does for its reminders
    if LiveSession.objects.filter(code=CODE).exists():
        return []
    trainer = User.objects.filter(email=TRAINER_EMAIL).first()
    case = CasePage.objects.live().filter(slug=SLUG).first()
    if trainer is None or case is None:
        return ["Séances collectives : formatrice ou cas de démonstration absent, démo non chargée."]
    session = live.create_session(case, trainer, group_name="Promotion DEASS 2e année, groupe A")
    LiveSession.objects.filter(pk=session.pk).update(code=CODE)
    session.refresh_from_db()
    guests = [live.join(session, pseudonym=name) for name in GUESTS]
    graph = session.graph
    node = graph.start
    while node is not None and not node.is_ending:
        live.open_vote(session)
        used = set()
        for guest, choice in zip(guests, _ballots(node), strict=True):
            comment = ""
            lines = COMMENTS.get(choice.quality, [])
            if lines and (choice.quality, node.key) not in used:
                comment = lines[len(used) % len(lines)]
                used.add((choice.quality, node.key))
            live.cast_vote(session, guest, node.key, choice.key, comment)
        live.close_vote(session)
        live.show_feedback(session)
        session = live.follow(session)
        node = session.current_node
    live.end_session(session)
    return [f"Séance collective terminée (code {CODE}) : /seance/{CODE}/bilan/"]
