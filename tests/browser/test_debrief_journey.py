"""A trainer runs a case with three participants on their own devices (separate browser contexts).

Join by code, vote, the trainer sees 3 votes and the split, reveals the feedback and moves on; the
participant screens follow without reloading (a marker set on `window` survives). axe on the join,
participant and presenter pages.
"""

import re

import pytest

from debrief.models import LiveSession, Vote
from tests.a11y import assert_no_axe_violations
from tests.conftest import settle_and_close
from tests.factories import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def mark(page):
    page.evaluate("window.__sansRechargement = true")


def still_marked(page):
    return page.evaluate("window.__sansRechargement === true")


def assert_readable_at_320_px(page):
    """At 320 px the split is a table with a bar per row: nothing wider than the screen, text at a readable size."""
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert not page.locator(".debrief-chart").is_visible()
    assert page.locator(".debrief-meter").first.is_visible()
    row_header = page.locator(".debrief-split tbody th").first
    assert row_header.evaluate("cell => parseFloat(getComputedStyle(cell).fontSize)") >= 14


def test_trainer_runs_a_node_with_three_participants(page_as, trainer, browser, live_server):
    case = make_case(title="Le collectif des Tilleuls")
    presenter = page_as(trainer)
    presenter.goto(f"{live_server.url}{case.url}")
    presenter.get_by_role("button", name="Lancer une séance collective").click()
    presenter.get_by_role("heading", name="Rejoignez la séance").wait_for()
    session = LiveSession.objects.get(case=case)
    assert presenter.locator(".debrief-code--big").inner_text() == session.code
    assert presenter.locator("figure.debrief-qr svg").count() == 1
    assert_no_axe_violations(presenter)

    contexts, participants = [], []
    try:
        for index, name in enumerate(["Awa", "Bastien", "Chloé"]):
            # The first participant has the narrowest phone screen WCAG reflow asks for (320 CSS px).
            width = 320 if index == 0 else 400
            ctx = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 800})
            ctx.set_default_timeout(15_000)
            contexts.append(ctx)
            page = ctx.new_page()
            page.goto(f"{live_server.url}/seance/")
            if index == 0:
                assert_no_axe_violations(page)
            page.get_by_label("Code de la séance").fill(session.code.lower())
            page.get_by_role("button", name="Rejoindre").click()
            page.get_by_label("Votre pseudonyme").fill(name)
            if index == 0:
                assert_no_axe_violations(page)
            page.get_by_role("button", name="Rejoindre la séance").click()
            page.get_by_text(f"Vous participez en tant que {name}").wait_for()
            mark(page)
            participants.append(page)
        assert_no_axe_violations(participants[0])

        presenter.locator("[data-participants]").filter(has_text="3").wait_for()
        presenter.get_by_role("button", name="Ouvrir le vote").click()
        for page, label in zip(participants, ["Bonne idée 1", "Bonne idée 1", "Fausse piste 1"], strict=True):
            page.get_by_label(label).wait_for()  # the form arrived without a reload
            assert still_marked(page)
            if page is participants[0]:
                assert_no_axe_violations(page)
            page.get_by_label(label).check()
            page.get_by_label("Pourquoi ? (facultatif, anonyme)").fill(f"Parce que {label.lower()}.")
            page.get_by_role("button", name="Voter").click()
            page.get_by_text("Votre vote est enregistré.").wait_for()
            mark(page)
        assert Vote.objects.filter(session=session).count() == 3

        presenter.locator("[data-voters]").filter(has_text="3").wait_for()
        presenter.get_by_role("button", name="Clore le vote").click()
        presenter.get_by_role("button", name="Afficher la répartition").click()
        presenter.get_by_role("heading", name="Répartition des votes (3 votes)").wait_for()
        table = presenter.get_by_role("table", name="Votes à l'étape « Décision 1 »")
        # Letters follow the session's order of the choices, drawn per session.
        assert "2" in table.get_by_role("row", name=re.compile(r"^[AB]\. Bonne idée 1")).inner_text()
        assert_no_axe_violations(presenter)
        for page in participants:
            page.get_by_role("heading", name="Répartition des votes (3 votes)").wait_for()
            assert still_marked(page)
        assert_readable_at_320_px(participants[0])

        presenter.get_by_role("button", name="Révéler les retours").click()
        presenter.get_by_role("heading", name="Le raisonnement expert, choix par choix").wait_for()
        for page in participants:
            page.get_by_text("Retour pédagogique du choix mauvais1.").wait_for()
            assert still_marked(page)
        assert_no_axe_violations(participants[2])

        presenter.get_by_role("button", name="Suivre la majorité : Bonne idée 1").click()
        presenter.get_by_role("heading", name="Étape 2 : Décision 2").wait_for()
        for page in participants:
            page.get_by_role("heading", name="Étape 2 : Décision 2").wait_for()
            assert still_marked(page)
        assert_no_axe_violations(presenter)
    finally:
        for ctx in contexts:
            settle_and_close(ctx)
