"""After `load_demo`: every demo case has a trainer's guide that trainers read and learners never see; the
accessibility statement says what an H5P activity lacks without its author's text alternative."""

import html

import pytest
from django.urls import reverse

from cases.demo import CASES, guides
from cases.models import CasePage
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("data", CASES, ids=[data["slug"] for data in CASES])
def test_each_demo_case_has_a_complete_guide(demo, data):
    guide = guides.GUIDES[data["slug"]]
    assert 2 <= len(guide["objectives"]) <= 4
    assert 3 <= len(guide["questions"]) <= 5
    decisions = [node for kind, node in data["nodes"] if kind == "decision"]
    assert set(guide["nodes"]) == {node["key"] for node in decisions}  # one reasoning per decision node, no stray
    page = CasePage.objects.get(slug=data["slug"])
    text = html.unescape(page.trainer_guide)
    assert "Questions pour le débriefing" in text
    for node in decisions:
        assert f"<h4>{node['title']}</h4>" in text


def test_loading_again_adds_no_revision(demo):
    from cases import demo as cases_demo

    before = {case.slug: case.revisions.count() for case in CasePage.objects.all()}
    cases_demo.load()
    assert {case.slug: case.revisions.count() for case in CasePage.objects.all()} == before


def test_the_trainer_reads_the_guide_and_the_learner_does_not(demo, client, learner, trainer):
    case = CasePage.objects.get(slug="relancer-le-cvs-de-l-ehpad-les-glycines")
    first_reasoning = html.escape(next(iter(guides.GUIDES[case.slug]["nodes"].values())))[:60]

    client.force_login(trainer)
    body = client.get(case.url).content.decode()
    assert "Guide du formateur" in body and first_reasoning in body

    client.force_login(learner)
    body = client.get(case.url).content.decode()
    assert "Guide du formateur" not in body and first_reasoning not in body
    assert client.get(reverse("cases:report", args=[case.pk])).status_code == 403


def test_the_statement_says_h5p_activities_have_no_alternative_unless_written(demo, client):
    statement = html.unescape(client.get(StandardPage.objects.get(slug="accessibilite").url).content.decode())
    assert "pas d'alternative textuelle, sauf si" in statement and "Version texte de l'activité" in statement
