"""Authoring without traps: a choice's next node is picked from the case's own nodes, stored by block id (renaming a
node keeps its links), and publication errors are shown at the faulty node, choice and field."""

import html
import json
import re
import uuid

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cases import play
from cases.blocks import CaseGraphBlock
from cases.graph import graph_from_stream, recommended_path, validate
from cases.models import CasePage
from tests.factories import five_node_graph, make_case

pytestmark = pytest.mark.django_db

BEFORE, AFTER = "0003_choice_pinned", "0004_choice_target_block_id"


def migrate(target):
    """To `target`, or through AFTER to the newest migration: the model code reads the newest schema."""
    if target == AFTER:
        call_command("migrate", "cases", verbosity=0)
    else:
        call_command("migrate", "cases", target, verbosity=0)


def with_ids(nodes):
    """five_node_graph() with a block id per node (as the editor sends them) and choices targeting those ids."""
    ids = {value["key"]: str(uuid.uuid4()) for _kind, value in nodes}
    linked = []
    for kind, value in nodes:
        value = dict(value)
        if kind == "decision":
            value["choices"] = [{**choice, "next_node": ids[choice["next_node"]]} for choice in value["choices"]]
        linked.append((kind, value, ids[value["key"]]))
    return linked, ids


def listblock(items):
    data = {"count": len(items)}
    for index, item in enumerate(items):
        data[str(index)] = {"value": item, "deleted": "", "order": index, "id": ""}
    return data


def node_form(index, kind, value, block_id):
    value = dict(value)
    if kind == "decision":
        value["situation"] = rich_text(value["situation"])
        value["is_start"] = "on" if value["is_start"] else ""
        value["documents"] = listblock([])
        value["choices"] = listblock([dict(choice) for choice in value["choices"]])
    else:
        value["debrief"] = rich_text(value["debrief"])
    return {"type": kind, "value": value, "deleted": "", "order": str(index), "id": block_id}


def edit_data(case, nodes, action="action-publish"):
    stream = {str(index): node_form(index, *node) for index, node in enumerate(nodes)}
    stream["count"] = str(len(nodes))
    data = nested_form_data(
        {
            "title": case.title,
            "slug": case.slug,
            "summary": case.summary,
            "territory": case.territory,
            "situation": rich_text("<p>Situation</p>"),
            "people": {"count": "0"},
            "objectives": rich_text("<p>Objectifs</p>"),
            "justification_required": "on",
            "justification_min_length": 10,
            "reflection_prompt": "",
            "nodes": stream,
            "comments": inline_formset([]),
        }
    )
    if action:
        data[action] = "action"
    return data


def stored_targets(case):
    return [
        choice["next_node"]
        for child in case.nodes
        if child.block_type == "decision"
        for choice in child.value["choices"]
    ]


def play_recommended_path(user, case):
    attempt = play.start_attempt(user, case)
    path = recommended_path(case.graph)
    for step, (node, choice) in enumerate(path[:-1]):
        attempt.refresh_from_db()
        play.decide(attempt, step=step, node_key=node.key, choice_key=choice.key, justification="Une raison claire.")
        play.continue_attempt(attempt)
    attempt.refresh_from_db()
    return attempt, path


def graph_field_errors(response):
    """The errors the editor shows inside the graph field (Wagtail renders them from this JSON)."""
    match = re.search(
        r'<div id="nodes" data-block[^>]*data-w-block-arguments-value="([^"]*)"', response.content.decode()
    )
    assert match, "the graph field is rendered"
    _value, errors = json.loads(html.unescape(match.group(1)))
    return errors


def test_the_editor_offers_a_select_of_the_case_nodes(client, admin_user):
    case = make_case(live=False)
    client.force_login(admin_user)
    body = html.unescape(client.get(reverse("wagtailadmin_pages:edit", args=[case.pk])).content.decode())
    assert "cases.widgets.NodeTargetSelect" in body
    assert "cases/node-target.js" in body
    in_json = [json.dumps(text)[1:-1] for text in ("Étape suivante", "— Choisir l'étape suivante —", "Fins du cas")]
    assert all(text in body for text in in_json)
    assert json.dumps("Étape suivante (identifiant)")[1:-1] not in body  # no more hand-typed identifier


def test_a_target_chosen_from_the_list_is_saved_by_id_and_plays(client, admin_user, learner):
    case = make_case(live=False)
    nodes, ids = with_ids(five_node_graph())
    client.force_login(admin_user)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[case.pk]), edit_data(case, nodes))
    assert response.status_code == 302
    case = CasePage.objects.get(pk=case.pk)
    assert case.live
    assert set(stored_targets(case)) <= set(ids.values())
    assert [str(child.id) for child in case.nodes] == list(ids.values())
    assert case.graph.get("d1").choices[0].next_key == "d2"

    attempt, path = play_recommended_path(learner, case)
    assert attempt.is_finished and attempt.ending_key == "fin-bonne" == path[-1][0].key


def test_renaming_a_node_keeps_the_choices_that_lead_to_it(client, admin_user, learner):
    case = make_case(live=False)
    nodes, ids = with_ids(five_node_graph())
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:edit", args=[case.pk])
    assert client.post(url, edit_data(case, nodes, None)).status_code == 302

    renamed = []
    for kind, value, block_id in nodes:
        if value["key"] == "d2":
            value = {**value, "key": "reunion-habitants", "title": "Réunir les habitants"}
        if value["key"] == "fin-bonne":
            value = {**value, "key": "fin-collective"}
        renamed.append((kind, value, block_id))
    response = client.post(url, edit_data(case, renamed))
    assert response.status_code == 302, graph_field_errors(response)

    case = CasePage.objects.get(pk=case.pk)
    assert case.live and validate(case.graph) == []
    assert {choice.next_key for choice in case.graph.get("d1").choices} == {"reunion-habitants"}
    assert {choice.next_key for choice in case.graph.get("d5").choices} == {"fin-collective", "fin-mitigee"}
    attempt, path = play_recommended_path(learner, case)
    assert [node.key for node, _choice in path][:2] == ["d1", "reunion-habitants"]
    assert attempt.ending_key == "fin-collective"


def test_a_target_sent_as_a_node_key_is_stored_as_that_nodes_id(client, admin_user):
    """Without the editor's script (or from older data) a key still works, and is saved as the node's id."""
    case = make_case(live=False)
    nodes, ids = with_ids(five_node_graph())
    keyed = [(kind, value, node[2]) for (kind, value), node in zip(five_node_graph(), nodes, strict=True)]
    client.force_login(admin_user)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[case.pk]), edit_data(case, keyed))
    assert response.status_code == 302
    case = CasePage.objects.get(pk=case.pk)
    assert set(stored_targets(case)) == {ids[key] for key in ("d2", "d3", "d4", "d5", "fin-bonne", "fin-mitigee")}


def test_an_invalid_target_shows_its_error_at_the_choice_field(client, admin_user):
    case = make_case(live=False)
    nodes, ids = with_ids(five_node_graph())
    nodes[1][1]["choices"][1]["next_node"] = str(uuid.uuid4())  # d2's second choice: a node since deleted
    nodes[2][1]["choices"][0]["next_node"] = ""  # d3's first choice leads nowhere
    client.force_login(admin_user)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[case.pk]), edit_data(case, nodes))
    assert response.status_code == 200
    assert not CasePage.objects.get(pk=case.pk).live

    errors = graph_field_errors(response)
    d2_choices = errors["blockErrors"]["1"]["blockErrors"]["choices"]["blockErrors"]
    assert list(d2_choices) == ["1"]
    (message,) = d2_choices["1"]["blockErrors"]["next_node"]["messages"]
    assert "« mauvais2 »" in message and "« d2 »" in message and "a été supprimée" in message
    d3_choices = errors["blockErrors"]["2"]["blockErrors"]["choices"]["blockErrors"]
    assert "ne mène nulle part" in d3_choices["0"]["blockErrors"]["next_node"]["messages"][0]
    # Nothing else is blamed: the other nodes and choices carry no error.
    assert set(errors["blockErrors"]) == {"1", "2"}
    # The top of the editor still lists every problem.
    assert "a été supprimée : choisissez une autre étape suivante." in html.unescape(response.content.decode())


def test_graph_problems_are_attached_to_their_node_or_to_the_whole_field(client, admin_user):
    case = make_case(live=False)
    nodes, ids = with_ids(five_node_graph())
    nodes[0][1]["is_start"] = False  # no start: a problem of the case as a whole
    nodes.append(("ending", {"key": "d3", "title": "Doublon", "phase": "evaluation", "debrief": "<p>B</p>"}, "x"))
    client.force_login(admin_user)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[case.pk]), edit_data(case, nodes))
    assert response.status_code == 200
    errors = graph_field_errors(response)
    assert any("Aucune étape de départ" in message for message in errors["messages"])
    assert "plusieurs étapes" in errors["blockErrors"]["7"]["blockErrors"]["key"]["messages"][0]


def test_an_unreachable_node_is_flagged_on_that_node(client, admin_user):
    case = make_case(live=False)
    nodes, ids = with_ids(five_node_graph())
    orphan_choices = [dict(nodes[1][1]["choices"][0], key="a"), dict(nodes[1][1]["choices"][1], key="b")]
    nodes.append(
        (
            "decision",
            {**nodes[1][1], "key": "orpheline", "title": "Étape isolée", "choices": orphan_choices},
            str(uuid.uuid4()),
        )
    )
    client.force_login(admin_user)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[case.pk]), edit_data(case, nodes))
    errors = graph_field_errors(response)
    assert "n'est accessible par aucun chemin" in errors["blockErrors"]["7"]["messages"][0]


def test_a_draft_with_an_unknown_target_is_still_saved(client, admin_user):
    case = make_case(live=False)
    nodes, ids = with_ids(five_node_graph())
    nodes[1][1]["choices"][1]["next_node"] = str(uuid.uuid4())
    client.force_login(admin_user)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[case.pk]), edit_data(case, nodes, None))
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True)  # SQLite alters a table only outside a transaction
def test_migration_turns_typed_targets_into_block_ids_in_pages_and_revisions(learner):
    case = make_case()  # created from code with the targets typed as keys, as before the migration
    attempt = play.start_attempt(learner, case)  # pinned to the revision published before the migration
    assert "d2" in stored_targets(case)
    migrate(BEFORE)
    migrate(AFTER)

    case = CasePage.objects.get(pk=case.pk)
    ids = {child.value["key"]: str(child.id) for child in case.nodes}
    assert set(stored_targets(case)) == {ids[key] for key in ("d2", "d3", "d4", "d5", "fin-bonne", "fin-mitigee")}
    revision = Revision.objects.get(pk=attempt.revision_id)
    assert set(stored_targets(revision.as_object())) == set(stored_targets(case))
    assert validate(case.graph) == [] and validate(revision.as_object().graph) == []
    # The attempt started before the migration plays on, in its own version.
    attempt.refresh_from_db()
    play.decide(attempt, step=0, node_key="d1", choice_key="bon1", justification="Une raison claire.")
    play.continue_attempt(attempt)
    attempt.refresh_from_db()
    assert attempt.current_node_key == "d2"

    # Reversible: the targets are written as keys again.
    migrate(BEFORE)
    assert "d2" in stored_targets(CasePage.objects.only("nodes").get(pk=case.pk))  # the newer columns are gone
    migrate(AFTER)


def test_a_graph_read_from_block_ids_and_from_legacy_keys_is_the_same():
    nodes, _ids = with_ids(five_node_graph())
    by_id = graph_from_stream(StreamValue(CaseGraphBlock(), nodes))
    by_key = graph_from_stream(StreamValue(CaseGraphBlock(), five_node_graph()))
    assert [[c.next_key for c in n.choices] for n in by_id.nodes] == [
        [c.next_key for c in n.choices] for n in by_key.nodes
    ]


def test_the_demo_loader_sees_the_same_graph_whatever_the_ids_and_target_form():
    """A demo case converted by the migration (random ids) is not republished by the next demo load."""
    from cases.demo import linked_nodes, same_graph

    typed = StreamValue(CaseGraphBlock(), five_node_graph())
    linked = linked_nodes(five_node_graph(), "un-cas")
    other, _ids = with_ids(five_node_graph())
    assert same_graph(typed, linked) and same_graph(linked, StreamValue(CaseGraphBlock(), other))
    changed = five_node_graph()
    changed[0][1]["choices"][0]["next_node"] = "d3"
    assert not same_graph(linked, StreamValue(CaseGraphBlock(), changed))
