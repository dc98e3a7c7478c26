"""The graph rules, checked on plain data: each message names the faulty node."""

from wagtail.blocks import StreamValue

from cases.blocks import CaseGraphBlock
from cases.demo import NODES as DEMO_NODES
from cases.graph import Phase, graph_from_stream, recommended_path, to_mermaid, validate
from tests.factories import case_choice, case_decision, case_ending, five_node_graph


def graph_of(nodes):
    return graph_from_stream(StreamValue(CaseGraphBlock(), nodes))


def errors_of(nodes):
    return validate(graph_of(nodes))


def test_five_node_graph_and_demo_case_are_valid():
    assert errors_of(five_node_graph()) == []
    assert errors_of(DEMO_NODES) == []


def test_demo_case_covers_the_five_phases_with_at_least_six_decisions():
    graph = graph_of(DEMO_NODES)
    assert len(graph.decisions) >= 6
    assert {node.phase for node in graph.decisions} == set(Phase.ORDER)
    assert all(choice.feedback.strip() for node in graph.decisions for choice in node.choices)
    assert all(str(node.debrief).strip() for node in graph.endings)


def test_unreachable_node_is_named():
    nodes = five_node_graph() + [case_decision("orpheline", [case_choice("a", "fin-bonne"), case_choice("b", "d2")])]
    errors = errors_of(nodes)
    assert len(errors) == 1
    assert "« orpheline »" in errors[0] and "accessible" in errors[0]


def test_exactly_one_start():
    nodes = five_node_graph()
    nodes[2][1]["is_start"] = True
    errors = errors_of(nodes)
    assert any("« d1 »" in e and "« d3 »" in e and "une seule étape de départ" in e for e in errors)
    nodes[0][1]["is_start"] = nodes[2][1]["is_start"] = False
    assert any("Aucune étape de départ" in e for e in errors_of(nodes))


def test_dangling_reference_names_node_choice_and_target():
    nodes = five_node_graph()
    nodes[1][1]["choices"][0]["next_node"] = "nulle-part"
    errors = errors_of(nodes)
    assert any("« bon2 »" in e and "« d2 »" in e and "« nulle-part »" in e for e in errors)


def test_choice_without_next_node_is_named():
    nodes = five_node_graph()
    nodes[3][1]["choices"][1]["next_node"] = ""
    assert any("« mauvais4 »" in e and "« d4 »" in e and "ne mène nulle part" in e for e in errors_of(nodes))


def test_loop_without_exit_is_named():
    nodes = [
        case_decision("depart", [case_choice("a", "boucle1"), case_choice("b", "fin")], start=True),
        case_decision("boucle1", [case_choice("a", "boucle2"), case_choice("b", "boucle2")]),
        case_decision("boucle2", [case_choice("a", "boucle1"), case_choice("b", "boucle1")]),
        case_ending("fin"),
    ]
    errors = errors_of(nodes)
    assert any("« boucle1 »" in e and "boucle sans sortie" in e for e in errors)
    assert any("« boucle2 »" in e and "boucle sans sortie" in e for e in errors)


def test_loop_with_an_exit_is_allowed():
    nodes = [
        case_decision("depart", [case_choice("a", "relance"), case_choice("b", "fin")], start=True),
        case_decision("relance", [case_choice("retour", "depart", "a_eviter", 0), case_choice("sortie", "fin")]),
        case_ending("fin"),
    ]
    assert errors_of(nodes) == []


def test_every_decision_has_two_to_four_choices():
    nodes = five_node_graph()
    nodes[0][1]["choices"] = nodes[0][1]["choices"][:1]
    nodes[1][1]["choices"] = [case_choice(f"c{i}", "d3") for i in range(5)]
    errors = errors_of(nodes)
    assert any("« d1 »" in e and "1 choix" in e for e in errors)
    assert any("« d2 »" in e and "5 choix" in e for e in errors)


def test_duplicate_keys_and_missing_ending():
    nodes = [
        case_decision("a", [case_choice("x", "b"), case_choice("x", "b")], start=True),
        case_decision("b", [case_choice("x", "a"), case_choice("y", "a")]),
        case_decision("b", [case_choice("x", "a"), case_choice("y", "a")]),
    ]
    errors = errors_of(nodes)
    assert any("« b »" in e and "plusieurs étapes" in e for e in errors)
    assert any("« x »" in e and "« a »" in e and "deux fois" in e for e in errors)
    assert any("aucune fin" in e for e in errors)


def test_empty_graph():
    assert errors_of([]) == ["Le cas ne contient aucune étape : ajoutez des étapes de décision et au moins une fin."]


def test_recommended_path_and_mermaid_source():
    graph = graph_of(five_node_graph())
    path = recommended_path(graph)
    assert [node.key for node, _choice in path] == ["d1", "d2", "d3", "d4", "d5", "fin-bonne"]
    source = to_mermaid(graph)
    assert source.startswith("flowchart TD")
    assert 'subgraph phase_diagnostic["Diagnostic partagé"]' in source
    assert "✘ À éviter : Fausse piste 1" in source and "✔ Recommandé : Bonne idée 1" in source
    assert "linkStyle 0 stroke:#1d6b36" in source


def test_mermaid_escapes_quotes_in_labels():
    nodes = five_node_graph()
    nodes[0][1]["title"] = 'Le "bon" choix <b>'
    assert "#quot;bon#quot;" in to_mermaid(graph_of(nodes)) and "<b>" not in to_mermaid(graph_of(nodes))
