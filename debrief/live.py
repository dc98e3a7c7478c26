"""The rules of a live session: who may do what, at which moment. Views, tests and the demo call these.

Every trainer action locks the session row, checks the stage, changes it and bumps `version`, in one
transaction. A vote takes the same lock, so a vote and the closing of the vote never cross: a vote is either
in before the close or refused after it. The unique constraint on (step, participant) is the last guard.
"""

import secrets
from collections import Counter
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import CODE_ALPHABET, CODE_LENGTH, LiveSession, Participant, Step, Vote

Stage = LiveSession.Stage
TIMER_CHOICES = [0, 30, 60, 120, 180, 300]
MAX_COMMENT = 200
MAX_PSEUDONYM = 40


class LiveError(Exception):
    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


def normalise_code(raw):
    """What people type: lower case, spaces or dashes between groups of letters."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def create_session(case, trainer, replay_of=None, group_name=""):
    """A new session on the live version of a published case, waiting on its start node."""
    case = case.specific
    if not case.live:
        raise LiveError(_("Ce cas n'est pas publié : une séance ne peut pas être lancée."), 404)
    revision = case.live_revision
    version = revision.as_object() if revision else case
    start = version.graph.start
    if start is None:
        raise LiveError(_("Ce cas n'a pas d'étape de départ : une séance ne peut pas être lancée."))
    for _attempt in range(10):
        try:
            with transaction.atomic():
                session = LiveSession.objects.create(
                    code=new_code(),
                    case=case,
                    revision=revision,
                    trainer=trainer,
                    replay_of=replay_of,
                    group_name=group_name[:120],
                    current_node_key=start.key,
                )
                Step.objects.create(session=session, position=0, node_key=start.key, node_title=start.title[:200])
                return session
        except IntegrityError:  # the code was taken meanwhile: draw another one
            continue
    raise LiveError(_("Impossible de créer un code de séance : réessayez."), 500)


def is_vote_open(session, now=None):
    if session.stage != Stage.VOTING:
        return False
    return session.deadline is None or (now or timezone.now()) < session.deadline


def effective_stage(session, now=None):
    """The stage as people should see it: a vote whose timer ran out is closed even before the click."""
    if session.stage == Stage.VOTING and not is_vote_open(session, now):
        return Stage.CLOSED
    return session.stage


def current_step(session):
    return session.steps.order_by("-position").first()


def _locked(session):
    return LiveSession.objects.select_for_update().get(pk=session.pk)


def _save(session, *fields):
    session.version = F("version") + 1
    session.save(update_fields=[*fields, "version"])
    session.refresh_from_db(fields=["version"])


def _refuse_if_ended(session):
    if session.stage == Stage.ENDED:
        raise LiveError(_("Cette séance est terminée : elle n'accepte plus aucune action."))


def open_vote(session, seconds=0):
    """Open the vote on the current decision node, with an optional timer (seconds, 0 for none)."""
    with transaction.atomic():
        session = _locked(session)
        _refuse_if_ended(session)
        node = session.current_node
        if node is None or node.is_ending:
            raise LiveError(_("Il n'y a pas de décision à voter à cette étape."))
        if session.stage != Stage.WAITING:
            raise LiveError(_("Le vote a déjà été ouvert à cette étape."))
        if seconds not in TIMER_CHOICES:
            raise LiveError(_("Durée du minuteur inconnue."))
        now = timezone.now()
        session.stage = Stage.VOTING
        session.deadline = now + timedelta(seconds=seconds) if seconds else None
        _save(session, "stage", "deadline")
        session.steps.filter(position=current_step(session).position).update(opened_at=now)
    return session


def close_vote(session):
    with transaction.atomic():
        session = _locked(session)
        _refuse_if_ended(session)
        if session.stage != Stage.VOTING:
            raise LiveError(_("Le vote n'est pas ouvert : il ne peut pas être clos."))
        now = timezone.now()
        if session.deadline and session.deadline < now:
            now = session.deadline
        session.stage = Stage.CLOSED
        _save(session, "stage")
        session.steps.filter(position=current_step(session).position).update(closed_at=now)
    return session


def _closed_or_refuse(session):
    _refuse_if_ended(session)
    if session.stage == Stage.VOTING and is_vote_open(session):
        raise LiveError(_("Clôturez d'abord le vote."))
    if session.stage == Stage.WAITING:
        raise LiveError(_("Le vote n'a pas encore eu lieu à cette étape."))
    if session.stage == Stage.VOTING:  # the timer ran out: record the close now
        session.stage = Stage.CLOSED
        session.steps.filter(position=current_step(session).position).update(closed_at=session.deadline)


def show_split(session):
    with transaction.atomic():
        session = _locked(session)
        _closed_or_refuse(session)
        session.split_shown = True
        _save(session, "stage", "split_shown")
    return session


def show_feedback(session):
    with transaction.atomic():
        session = _locked(session)
        _closed_or_refuse(session)
        session.split_shown = True
        session.feedback_shown = True
        _save(session, "stage", "split_shown", "feedback_shown")
    return session


def tally(step):
    """{choice_key: votes} for one step."""
    return Counter(step.votes.values_list("choice_key", flat=True))


def majority_choice(node, counts):
    """The choice with the most votes, or None when nobody voted or the top is a tie."""
    ranked = sorted(((counts.get(choice.key, 0), choice) for choice in node.choices), key=lambda item: -item[0])
    if not ranked or ranked[0][0] == 0 or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def follow(session, choice_key=None):
    """Move the group along a branch: the majority's (choice_key None) or the one the trainer picked."""
    with transaction.atomic():
        session = _locked(session)
        _closed_or_refuse(session)
        node = session.current_node
        step = current_step(session)
        if choice_key:
            choice = node.choice(choice_key)
            if choice is None:
                raise LiveError(_("Ce choix n'appartient pas à l'étape en cours."))
            decided_by = Step.DecidedBy.TRAINER
        else:
            choice = majority_choice(node, tally(step))
            if choice is None:
                raise LiveError(
                    _("Pas de majorité (aucun vote ou égalité) : choisissez vous-même la branche à suivre.")
                )
            decided_by = Step.DecidedBy.MAJORITY
        target = session.graph.get(choice.next_key)
        if target is None:
            raise LiveError(_("L'étape suivante n'existe pas dans cette version du cas."), 404)
        step.chosen_key, step.chosen_label, step.decided_by = choice.key, choice.label[:300], decided_by
        step.save(update_fields=["chosen_key", "chosen_label", "decided_by"])
        Step.objects.create(
            session=session,
            position=step.position + 1,
            node_key=target.key,
            node_title=target.title[:200],
            is_ending=target.is_ending,
        )
        session.current_node_key = target.key
        session.stage = Stage.WAITING
        session.split_shown = session.feedback_shown = False
        session.deadline = None
        _save(session, "current_node_key", "stage", "split_shown", "feedback_shown", "deadline")
    return session


def end_session(session):
    with transaction.atomic():
        session = _locked(session)
        _refuse_if_ended(session)
        if session.stage == Stage.VOTING:
            session.steps.filter(position=current_step(session).position).update(closed_at=timezone.now())
        session.stage = Stage.ENDED
        session.ended_at = timezone.now()
        session.deadline = None
        _save(session, "stage", "ended_at", "deadline")
    return session


# --- Participants ---------------------------------------------------------------------------------------


def join(session, user=None, pseudonym=""):
    """Add someone to the room. An account joins once (joining again returns the same participant); a guest
    gets a new random token that the view keeps in the guest's session cookie."""
    if session.is_ended:
        raise LiveError(_("Cette séance est terminée : il n'est plus possible de la rejoindre."))
    if user is not None and user.is_authenticated:
        name = (user.get_display_name() if hasattr(user, "get_display_name") else str(user))[:MAX_PSEUDONYM]
        try:
            with transaction.atomic():
                participant, _created = Participant.objects.get_or_create(
                    session=session, user=user, defaults={"pseudonym": name}
                )
        except IntegrityError:  # the same account joined from two tabs at once
            participant = Participant.objects.get(session=session, user=user)
        return participant
    pseudonym = " ".join((pseudonym or "").split())
    if not pseudonym:
        raise LiveError(_("Indiquez un pseudonyme pour rejoindre la séance."))
    if len(pseudonym) > MAX_PSEUDONYM:
        raise LiveError(_("Le pseudonyme ne doit pas dépasser 40 caractères."))
    return Participant.objects.create(session=session, pseudonym=pseudonym, token=secrets.token_urlsafe(32))


def find_participant(session, user, token):
    if user is not None and user.is_authenticated:
        found = Participant.objects.filter(session=session, user=user).first()
        if found:
            return found
    if token:
        return Participant.objects.filter(session=session, token=token, user__isnull=True).first()
    return None


def cast_vote(session, participant, node_key, choice_key, comment="", now=None):
    """Record or change a participant's vote on the open node. Returns (vote, created)."""
    comment = " ".join((comment or "").split())
    if len(comment) > MAX_COMMENT:
        raise LiveError(_("Le commentaire ne doit pas dépasser 200 caractères."))
    with transaction.atomic():
        session = _locked(session)
        if participant.session_id != session.pk:
            raise LiveError(_("Vous ne participez pas à cette séance."), 403)
        _refuse_if_ended(session)
        if session.stage != Stage.VOTING:
            raise LiveError(_("Le vote n'est pas ouvert à cette étape : votre vote n'a pas été enregistré."))
        if not is_vote_open(session, now):
            raise LiveError(_("Le temps de vote est écoulé : votre vote n'a pas été enregistré."))
        if node_key != session.current_node_key:
            raise LiveError(_("Ce vote porte sur une étape qui n'est plus en cours : il n'a pas été enregistré."))
        node = session.current_node
        if node is None or node.choice(choice_key) is None:
            raise LiveError(_("Choisissez une des réponses proposées."))
        step = current_step(session)
        defaults = {"choice_key": choice_key, "comment": comment, "session": session, "node_key": node_key}
        try:
            with transaction.atomic():
                vote, created = Vote.objects.update_or_create(step=step, participant=participant, defaults=defaults)
        except IntegrityError:  # a twin request created it between our read and our insert
            vote = Vote.objects.get(step=step, participant=participant)
            for field, value in defaults.items():
                setattr(vote, field, value)
            vote.save()
            created = False
    return vote, created


def voter_count(session):
    step = current_step(session)
    return step.votes.count() if step else 0
