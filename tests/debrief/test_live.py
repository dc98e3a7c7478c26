"""The rules of a live session, called directly: counting, changing, refusing, timer, path followed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from debrief import live
from debrief.models import CODE_ALPHABET, LiveSession, Step, Vote
from tests.factories import make_case, make_guests, make_live_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(trainer):
    return make_live_session(trainer=trainer)


def test_a_session_starts_on_the_start_node_with_a_readable_code(session):
    assert len(session.code) == 6 and set(session.code) <= set(CODE_ALPHABET)
    assert not set("0O1I") & set(session.code)
    assert session.current_node_key == "d1" and session.stage == LiveSession.Stage.WAITING
    assert list(session.steps.values_list("position", "node_key")) == [(0, "d1")]
    assert live.normalise_code(f" {session.code[:3].lower()}-{session.code[3:]} ") == session.code


def test_votes_are_counted_once_and_can_be_changed_until_the_close(session):
    alice, bob, chloe = make_guests(session, 3)
    live.open_vote(session)
    live.cast_vote(session, alice, "d1", "bon1")
    live.cast_vote(session, bob, "d1", "bon1", "On part des personnes.")
    _vote, created = live.cast_vote(session, chloe, "d1", "bon1")
    assert created
    vote, created = live.cast_vote(session, chloe, "d1", "mauvais1", "  Plus  rapide.  ")
    assert not created and vote.comment == "Plus rapide."
    step = live.current_step(session)
    assert live.tally(step) == {"bon1": 2, "mauvais1": 1}
    assert Vote.objects.filter(step=step).count() == 3
    live.close_vote(session)
    with pytest.raises(live.LiveError, match="pas ouvert"):
        live.cast_vote(session, alice, "d1", "mauvais1")
    assert live.tally(step) == {"bon1": 2, "mauvais1": 1}


def test_votes_are_refused_before_opening_on_another_node_or_with_a_foreign_choice(session):
    (alice,) = make_guests(session, 1)
    with pytest.raises(live.LiveError, match="pas ouvert"):
        live.cast_vote(session, alice, "d1", "bon1")
    live.open_vote(session)
    with pytest.raises(live.LiveError, match="plus en cours"):
        live.cast_vote(session, alice, "d2", "bon2")
    with pytest.raises(live.LiveError, match="réponses proposées"):
        live.cast_vote(session, alice, "d1", "bon2")
    with pytest.raises(live.LiveError, match="200 caractères"):
        live.cast_vote(session, alice, "d1", "bon1", "x" * 201)
    assert not Vote.objects.exists()


def test_a_participant_cannot_vote_in_another_session(session, trainer):
    other = make_live_session(case=session.case, trainer=trainer)
    (stranger,) = make_guests(other, 1)
    live.open_vote(session)
    with pytest.raises(live.LiveError) as failure:
        live.cast_vote(session, stranger, "d1", "bon1")
    assert failure.value.status == 403
    assert not Vote.objects.exists()


def test_an_ended_session_accepts_nothing(session):
    (alice,) = make_guests(session, 1)
    live.open_vote(session)
    live.end_session(session)
    session.refresh_from_db()
    assert session.is_ended and session.ended_at
    for action in (live.open_vote, live.close_vote, live.show_split, live.show_feedback, live.end_session):
        with pytest.raises(live.LiveError, match="terminée"):
            action(session)
    with pytest.raises(live.LiveError, match="terminée"):
        live.follow(session, "bon1")
    with pytest.raises(live.LiveError, match="terminée"):
        live.cast_vote(session, alice, "d1", "bon1")
    with pytest.raises(live.LiveError, match="terminée"):
        live.join(session, pseudonym="Tardif")


def test_the_timer_closes_the_vote_on_the_server(session):
    (alice, bob) = make_guests(session, 2)
    session = live.open_vote(session, seconds=30)
    assert session.deadline is not None
    live.cast_vote(session, alice, "d1", "bon1")
    later = session.deadline + timedelta(seconds=1)
    with pytest.raises(live.LiveError, match="temps de vote est écoulé"):
        live.cast_vote(session, bob, "d1", "bon1", now=later)
    assert live.effective_stage(session, later) == LiveSession.Stage.CLOSED
    with pytest.raises(live.LiveError, match="minuteur"):
        live.open_vote(make_live_session(case=session.case, trainer=session.trainer), seconds=17)


def test_an_expired_timer_lets_the_trainer_reveal_without_closing(session):
    (alice,) = make_guests(session, 1)
    session = live.open_vote(session, seconds=30)
    live.cast_vote(session, alice, "d1", "bon1")
    LiveSession.objects.filter(pk=session.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    session = live.show_split(session)
    assert session.stage == LiveSession.Stage.CLOSED and session.split_shown
    assert live.current_step(session).closed_at is not None


def test_follow_the_majority_or_the_trainer_choice_and_record_the_path(session):
    guests = make_guests(session, 3)
    live.open_vote(session)
    with pytest.raises(live.LiveError, match="Clôturez"):
        live.follow(session)
    for guest, choice in zip(guests, ["mauvais1", "mauvais1", "bon1"], strict=True):
        live.cast_vote(session, guest, "d1", choice)
    live.close_vote(session)
    version = LiveSession.objects.get(pk=session.pk).version
    session = live.show_feedback(session)
    assert session.split_shown and session.feedback_shown and session.version == version + 1
    session = live.follow(session)
    assert session.current_node_key == "d2" and session.stage == LiveSession.Stage.WAITING
    assert not session.split_shown and not session.feedback_shown
    first = Step.objects.get(session=session, position=0)
    assert (first.chosen_key, first.decided_by) == ("mauvais1", Step.DecidedBy.MAJORITY)

    live.open_vote(session)
    live.close_vote(session)
    with pytest.raises(live.LiveError, match="Pas de majorité"):
        live.follow(session)
    session = live.follow(session, "bon2")
    second = Step.objects.get(session=session, position=1)
    assert (second.chosen_key, second.decided_by) == ("bon2", Step.DecidedBy.TRAINER)
    with pytest.raises(live.LiveError, match="pas encore eu lieu"):
        live.follow(session, "bon3")


def test_reaching_an_ending_then_ending_the_session(trainer):
    from tests.factories import case_choice, case_decision, case_ending

    case = make_case(
        title="Cas court",
        nodes=[
            case_decision("a", [case_choice("x", "fin"), case_choice("y", "fin", "a_eviter", 0)], start=True),
            case_ending("fin"),
        ],
    )
    session = make_live_session(case=case, trainer=trainer)
    live.open_vote(session)
    live.close_vote(session)
    session = live.follow(session, "y")
    assert session.current_node.is_ending
    with pytest.raises(live.LiveError, match="pas de décision"):
        live.open_vote(session)
    live.end_session(session)
    assert list(session.steps.values_list("node_key", "is_ending")) == [("a", False), ("fin", True)]


def test_an_account_joins_once_and_a_guest_needs_a_pseudonym(session, learner):
    first = live.join(session, user=learner)
    assert live.join(session, user=learner) == first
    assert live.find_participant(session, learner, None) == first
    with pytest.raises(live.LiveError, match="pseudonyme"):
        live.join(session, pseudonym="   ")
    guest = live.join(session, pseudonym="  Zoé  ")
    assert guest.pseudonym == "Zoé" and len(guest.token) > 30 and guest.user is None
    assert live.find_participant(session, None, guest.token) == guest
    assert live.find_participant(session, None, "autre-jeton") is None


def test_unpublished_case_cannot_be_launched(trainer):
    case = make_case(title="Brouillon", live=False)
    with pytest.raises(live.LiveError) as failure:
        live.create_session(case, trainer)
    assert failure.value.status == 404
