"""The integrity check of make load for live-session votes: the ledger compared with the database."""

import json

import pytest
from django.core.management import call_command

from accounts.permissions import Role
from bench import seed
from debrief import live
from devtools.management.commands.bench_check_load import compare_votes
from tests.factories import make_guests, make_live_session, make_user

KEY_A, KEY_B = ("K7P2QX", "etape-1", "Votant-01"), ("K7P2QX", "etape-1", "Votant-02")


def test_every_acknowledged_vote_stored_with_its_last_choice_passes():
    result = compare_votes({KEY_A: "associer", KEY_B: "consulter"}, [(*KEY_A, "associer"), (*KEY_B, "consulter")])
    assert result == {"lost": [], "wrong": [], "extra": [], "duplicated": 0, "stored": 2}


def test_a_lost_vote_a_stale_choice_an_extra_vote_and_a_double_are_all_found():
    key_c = ("K7P2QX", "etape-2", "Votant-01")
    stored = [(*KEY_A, "associer"), (*KEY_A, "associer"), (*KEY_B, "associer"), (*key_c, "consulter")]
    result = compare_votes({KEY_A: "associer", KEY_B: "consulter", ("K7P2QX", "etape-2", "Votant-09"): "x"}, stored)
    assert result["lost"] == [("K7P2QX", "etape-2", "Votant-09")]
    assert result["wrong"] == [KEY_A, KEY_B]  # KEY_A is there twice, KEY_B holds an older choice
    assert result["extra"] == [key_c]
    assert result["duplicated"] == 1


def test_votes_without_a_clear_answer_may_be_stored_or_not_but_an_acknowledged_one_may_not_vanish():
    stored = [(*KEY_A, "consulter"), (*KEY_B, "associer")]
    result = compare_votes({KEY_A: "associer"}, stored, uncertain=[list(KEY_A), list(KEY_B)])
    assert result["wrong"] == [] and result["extra"] == []
    assert compare_votes({KEY_A: "associer"}, [], uncertain=[KEY_A])["lost"] == [KEY_A]


def test_the_bench_case_never_revisits_a_node():
    """The ledger names a vote by (session, node, pseudonym): that is one step only if no node comes twice."""
    nodes = {node["value"]["key"]: node for node in seed._case_nodes(1)}
    decisions = [key for key, node in nodes.items() if node["type"] == "decision"]
    assert nodes[decisions[0]]["value"]["is_start"]
    for index, key in enumerate(decisions):
        targets = {choice["next_node"] for choice in nodes[key]["value"]["choices"]}
        if index + 1 < len(decisions):  # every choice leads to the next decision...
            assert targets == {decisions[index + 1]}
        else:  # ...and the last one's to endings, which lead nowhere
            assert {nodes[target]["type"] for target in targets} == {"ending"}


@pytest.mark.django_db
def test_the_command_checks_the_votes_of_the_bench_trainer_sessions(tmp_path, capsys):
    trainer = make_user(Role.TRAINER, email=seed.TRAINER_EMAIL)
    session = make_live_session(trainer=trainer)
    alice, bob = make_guests(session, 2, prefix="Votant")
    live.open_vote(session)
    live.cast_vote(session, alice, "d1", "bon1")
    live.cast_vote(session, bob, "d1", "bon1")
    live.cast_vote(session, bob, "d1", "mauvais1")
    ledger = {
        "since": session.created_at.timestamp() - 1,
        "learners": 0,
        "quiz_attempts": [],
        "decisions": [],
        "drafts": {},
        "entries_created": 0,
        "uncertain": 0,
        "trainer": seed.TRAINER_EMAIL,
        "votes": [[session.code, "d1", "Votant 0", "bon1"], [session.code, "d1", "Votant 1", "mauvais1"]],
        "vote_uncertain": [],
    }

    def check(sent):
        path = tmp_path / "ledger.json"
        path.write_text(json.dumps(sent))
        call_command("bench_check_load", str(path))
        return json.loads(capsys.readouterr().out.strip().splitlines()[-1])

    result = check(ledger)
    assert result["ok"], result
    assert result["checks"]["votes en séance"]["detail"].startswith("2 votes acceptés, 2 en base, 0 perdus")

    # Bob's change of mind acknowledged but the database still on his first choice: the run fails.
    ledger["votes"][1][3] = "bon1"
    ledger["votes"].append([session.code, "d1", "Votant 2", "bon1"])
    result = check(ledger)
    votes = result["checks"]["votes en séance"]
    assert not result["ok"] and not votes["ok"]
    assert votes["lost"] == 2 and "1 perdus, 1 avec un autre choix" in votes["detail"]

    # A vote the clients never had acknowledged is one too many.
    result = check({**ledger, "votes": ledger["votes"][:1]})
    assert result["checks"]["votes en séance"]["extra"] == 1 and not result["ok"]
