"""A learner plays a five-node case with the keyboard-friendly forms; a trainer reads the report. axe on each page."""

import pytest
from playwright.sync_api import expect

from cases.models import CaseDecision
from tests.a11y import assert_no_axe_violations
from tests.factories import make_case, make_course_trainer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_learner_plays_a_five_node_case_and_trainer_reads_the_report(page_as, learner, trainer, live_server):
    case = make_case(title="Le collectif des Tilleuls")
    make_course_trainer(trainer, cases=[case])  # a course trainer of its course reads the report
    page = page_as(learner)
    page.goto(f"{live_server.url}/cas/")
    page.get_by_role("link", name="Le collectif des Tilleuls").click()
    page.get_by_role("heading", name="Le collectif des Tilleuls", level=1).wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Commencer le cas").click()

    # Step 1: stopped when the justification is empty, nothing recorded.
    page.get_by_role("heading", name="Décision 1").wait_for()
    assert_no_axe_violations(page)
    page.get_by_label("Bonne idée 1").check()
    page.get_by_role("button", name="Valider mon choix").click()
    page.get_by_role("alert").get_by_text("ce champ est obligatoire").wait_for()
    assert page.get_by_label("Pourquoi ce choix ?").get_attribute("aria-invalid") == "true"
    assert not CaseDecision.objects.exists()
    assert_no_axe_violations(page)

    choices = ["Bonne idée 1", "Fausse piste 2", "Bonne idée 3", "Bonne idée 4", "Bonne idée 5"]
    for number, label in enumerate(choices, start=1):
        page.get_by_role("heading", name=f"Décision {number}").wait_for()
        page.get_by_label(label).check()
        page.get_by_label("Pourquoi ce choix ?").fill(f"Ma raison pour l'étape {number}.")
        page.get_by_role("button", name="Valider mon choix").click()
        page.get_by_role("heading", name="Retour sur votre choix").wait_for()
        feedback = page.locator("main").inner_text()
        assert ("À éviter" if "Fausse" in label else "Recommandé") in feedback
        if number == 2:
            assert_no_axe_violations(page)
        page.get_by_role("button", name="Voir le bilan" if number == 5 else "Continuer").click()

    # The debrief: path taken beside the recommended path, phase by phase.
    page.get_by_role("heading", name="Bilan du cas « Le collectif des Tilleuls »").wait_for()
    paths = page.get_by_role("table", name="Les décisions prises et les décisions recommandées, phase par phase")
    assert "Fausse piste 2" in paths.inner_text() and "Bonne idée 2" in paths.inner_text()
    assert "80 %" in page.locator("main").inner_text()
    assert_no_axe_violations(page)

    # The trainer's report shows the learner's choices, chart and table, and passes axe.
    trainer_page = page_as(trainer)
    trainer_page.goto(f"{live_server.url}/cas-pratiques/{case.pk}/rapport/")
    trainer_page.get_by_role("heading", name="Rapport de raisonnement : Le collectif des Tilleuls").wait_for()
    table = trainer_page.get_by_role("table", name="Choix faits à l'étape « Décision 2 »")
    assert "Fausse piste 2" in table.inner_text() and "100 %" in table.inner_text()
    trainer_page.get_by_text("1 justification pour « Fausse piste 2 »").click()
    expect(trainer_page.get_by_text("Ma raison pour l'étape 2.")).to_be_visible()
    assert_no_axe_violations(trainer_page)
