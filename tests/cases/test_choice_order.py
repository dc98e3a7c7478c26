"""Choices come in an order drawn per attempt (per session in live debriefs), pinned choices keep their place,
and authors are warned about cues that give the answer away."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.blocks import StreamValue

from accounts.permissions import Role
from cases import play
from cases.blocks import CaseGraphBlock
from cases.graph import authoring_warnings, graph_from_stream, presented_choices
from tests.cases.test_authoring import edit_data
from tests.factories import case_choice, case_decision, case_ending, make_case, make_live_session, make_user

pytestmark = pytest.mark.django_db


def four_choice_graph(pinned_last=True):
    """Two decisions with four choices each; the last choice of d1 is "none of these", pinned last."""
    d1 = [case_choice(f"c{i}", "d2", label=f"Option {i}", score=10 - 3 * i) for i in range(3)]
    d1.append({**case_choice("aucune", "d2", label="Aucune de ces options", score=0), "pinned": pinned_last})
    d2 = [case_choice(f"e{i}", "fin", label=f"Suite {i}", score=10 - 3 * i) for i in range(4)]
    return [case_decision("d1", d1, start=True), case_decision("d2", d2), case_ending("fin")]


def shown_labels(client, attempt):
    body = client.get(reverse("cases:play", args=[attempt.pk])).content.decode()
    return re.findall(r'<label for="id_choice_\d+">([^<]+)</label>', body)


def test_two_learners_see_different_orders_and_each_keeps_theirs_on_reload():
    case = make_case(nodes=four_choice_graph())
    orders = []
    for number in range(6):
        learner = make_user(Role.LEARNER, email=f"ordre{number}@exemple.org")
        client = Client()
        client.force_login(learner)
        attempt = play.start_attempt(learner, case)
        first = shown_labels(client, attempt)
        assert shown_labels(client, attempt) == first  # reload: the same order
        assert first[-1] == "Aucune de ces options"  # pinned: always last
        orders.append(tuple(first))
    assert len(set(orders)) > 1  # different attempts, different orders


def test_resuming_shows_the_same_order(client, learner):
    case = make_case(nodes=four_choice_graph())
    client.force_login(learner)
    attempt = play.start_attempt(learner, case)
    before = shown_labels(client, attempt)
    client.logout()
    client.force_login(learner)
    assert shown_labels(client, attempt) == before


def test_every_participant_of_a_live_session_sees_one_order():
    session = make_live_session(case=make_case(nodes=four_choice_graph()))
    from debrief import live

    live.open_vote(session)
    seen = []
    for number in range(3):
        guest = Client()
        guest.post(reverse("debrief:enter", args=[session.code]), {"pseudonym": f"Invité {number}"})
        html = guest.get(reverse("debrief:state", args=[session.code])).json()["html"]
        seen.append(re.findall(r"Option \d|Aucune de ces options", html))
    assert seen[0] and seen[0] == seen[1] == seen[2]
    node = session.graph.get("d1")
    assert [c.label for c in presented_choices(node, session.choice_order_seed)] == seen[0][:4]


def longest_best_graph():
    nodes = []
    for index in range(1, 4):
        nxt = f"d{index + 1}" if index < 3 else "fin"
        other = "fin" if index < 3 else f"d{index}"
        nodes.append(
            case_decision(
                f"d{index}",
                [
                    case_choice(
                        f"bon{index}", nxt, label=f"Réunir d'abord les habitants concernés pour décider {index}"
                    ),
                    case_choice(f"mauvais{index}", other, "a_eviter", 0, label=f"Décider seul {index}"),
                ],
                start=index == 1,
                title=f"Étape longue {index}",
            )
        )
    nodes.append(case_ending("fin"))
    return nodes


def graph_of(nodes):
    return graph_from_stream(StreamValue(CaseGraphBlock(), nodes))


def test_cues_are_named_per_node():
    warnings = authoring_warnings(graph_of(longest_best_graph()))
    assert any("« Étape longue 1 »" in w and "le plus long" in w for w in warnings)
    converging = authoring_warnings(graph_of(four_choice_graph()))
    assert any("« Étape d1 »" in w and "même étape suivante" in w for w in converging)


def test_the_admin_warns_on_publish_and_still_publishes(client, lead_trainer):
    case = make_case(live=False, nodes=longest_best_graph())
    client.force_login(lead_trainer)
    url = reverse("wagtailadmin_pages:edit", args=[case.pk])
    response = client.post(url, edit_data(case, longest_best_graph(), "action-publish"), follow=True)
    body = response.content.decode().replace("&#x27;", "'")
    assert "Étape « Étape longue 2 » : le meilleur choix est aussi l'intitulé le plus long" in body
    case.refresh_from_db()
    assert case.live
