"""The demo cases cannot be played to a perfect score without reading: the best choice is not given away by its
length, and each case ends on its own dilemma. Checked on the case definitions, without the database."""

import pytest
from wagtail.blocks import StreamValue

from cases import demo as cases_demo
from cases.blocks import CaseGraphBlock
from cases.graph import Quality, authoring_warnings, graph_from_stream, recommended_path

GRAPHS = {case["slug"]: graph_from_stream(StreamValue(CaseGraphBlock(), case["nodes"])) for case in cases_demo.CASES}


def best_is_strictly_longest(node):
    best = [choice for choice in node.choices if choice.quality == Quality.RECOMMENDED]
    others = [choice for choice in node.choices if choice.quality != Quality.RECOMMENDED]
    return bool(best) and all(len(b.label) > len(other.label) for b in best for other in others)


def final_decision(graph):
    """The last decision of the recommended path: the one that leads to the ending."""
    path = recommended_path(graph)
    assert path[-1][0].is_ending
    return path[-2][0]


def test_the_best_choice_is_the_longest_label_in_at_most_forty_percent_of_the_demo_decisions():
    decisions = [node for graph in GRAPHS.values() for node in graph.decisions]
    assert len(decisions) >= 40
    longest = [node.key for node in decisions if best_is_strictly_longest(node)]
    assert len(longest) / len(decisions) <= 0.40, longest


@pytest.mark.parametrize("slug", sorted(GRAPHS))
def test_no_demo_case_gets_the_longest_label_warning(slug):
    assert not any("le plus long" in warning for warning in authoring_warnings(GRAPHS[slug]))


@pytest.mark.parametrize("slug", sorted(GRAPHS))
def test_labels_of_a_demo_decision_stay_close_in_length(slug):
    for node in GRAPHS[slug].decisions:
        lengths = [len(choice.label) for choice in node.choices]
        assert max(lengths) <= 1.35 * min(lengths), (node.key, lengths)


def test_each_demo_case_ends_on_its_own_dilemma():
    finals = {slug: final_decision(graph) for slug, graph in GRAPHS.items()}
    prompts = [" ".join(str(node.situation).split()) for node in finals.values()]
    assert len(set(prompts)) == len(prompts)
    labels = [tuple(sorted(choice.label for choice in node.choices)) for node in finals.values()]
    assert len(set(labels)) == len(labels)
    about_figures = [
        slug
        for slug, node in finals.items()
        if any("chiffr" in text.lower() for text in [str(node.situation), *(c.label for c in node.choices)])
    ]
    assert len(about_figures) <= 1, about_figures
