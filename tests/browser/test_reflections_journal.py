"""Journal journeys in Chromium: writing through a lost connection, sharing and feedback, hostile HTML."""

import re

import pytest
from playwright.sync_api import expect

from reflections.models import Feedback, JournalEntry
from reflections.sanitize import MAX_TEXT_LENGTH
from tests.a11y import assert_no_axe_violations
from tests.factories import make_entry, make_team
from tests.reflections.payloads import HOSTILE_PAYLOADS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_write_offline_online_reload_keeps_everything_and_oversize_is_refused(learner_page, live_server, learner):
    page = learner_page
    page.goto(f"{live_server.url}/journal/nouvelle/")
    status = page.locator("[data-status]")
    editor = page.get_by_role("textbox", name="Votre texte")
    expect(page.get_by_role("toolbar", name="Mise en forme du texte")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Titre (facultatif)").fill("Réunion des locataires")
    editor.click()
    page.keyboard.type("Premier paragraphe écrit en ligne.")
    expect(status).to_contain_text("Brouillon enregistré à")
    page.wait_for_url(re.compile(r"/journal/\d+/modifier/$"))  # the autosave created the entry

    page.context.set_offline(True)
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Gras").click()
    page.keyboard.type("Suite tapée hors connexion")
    expect(status).to_contain_text("Hors connexion")
    entry = JournalEntry.objects.get(author=learner)
    assert "hors connexion" not in entry.draft_html

    page.context.set_offline(False)
    expect(status).to_contain_text("Brouillon enregistré à")
    entry.refresh_from_db()
    assert "<b>Suite tapée hors connexion</b>" in entry.draft_html or "<strong>Suite" in entry.draft_html

    page.reload()
    expect(editor).to_contain_text("Premier paragraphe écrit en ligne.")
    expect(editor).to_contain_text("Suite tapée hors connexion")
    expect(page.get_by_label("Titre (facultatif)")).to_have_value("Réunion des locataires")

    # Too long: refused with a clear message by the autosave and by "Enregistrer"; the text stays in the editor.
    page.evaluate(
        "n => { const e = document.querySelector('.journal-editor__area');"
        " e.insertAdjacentHTML('beforeend', '<p>' + 'mot '.repeat(n) + '</p>');"
        " e.dispatchEvent(new Event('input', {bubbles: true})); }",
        MAX_TEXT_LENGTH // 4 + 10,
    )
    expect(status).to_contain_text("longueur maximale")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".errorlist")).to_contain_text("longueur maximale")
    length = page.evaluate("document.querySelector('.journal-editor__area').textContent.length")
    assert length > MAX_TEXT_LENGTH
    expect(editor).to_contain_text("Suite tapée hors connexion")
    entry.refresh_from_db()
    assert "mot mot" not in entry.draft_html and "Suite tapée hors connexion" in entry.draft_html


def test_share_with_warning_feedback_and_notification(learner_page, page_as, trainer, live_server, learner):
    make_team(members=[learner]).trainers.add(trainer)  # trainers read only what their teams share
    page = learner_page
    page.goto(f"{live_server.url}/journal/nouvelle/")
    page.get_by_label("Titre (facultatif)").fill("Atelier parents")
    page.get_by_role("textbox", name="Votre texte").click()
    page.keyboard.type("La mère de Léo m'a donné son numéro, le 06 12 34 56 78, pour la suite.")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("heading", level=1, name="Atelier parents")).to_be_visible()
    expect(page.get_by_text("vous seul·e la lisez")).to_be_visible()

    page.get_by_role("link", name="Partager avec mes formateur·rices").click()
    expect(page.get_by_role("heading", name="Votre texte contient peut-être des données personnelles")).to_be_visible()
    expect(page.locator("mark.pii-mark").first).to_contain_text("06 12 34 56 78")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Partager quand même").click()
    expect(page.get_by_text("Votre entrée est partagée")).to_be_visible()
    assert JournalEntry.objects.get(author=learner).shared_at is not None

    trainer_page = page_as(trainer)
    trainer_page.goto(f"{live_server.url}/journal/partages/")
    assert_no_axe_violations(trainer_page)
    trainer_page.get_by_role("link", name="Atelier parents").click()
    trainer_page.get_by_label("Votre retour").fill("Pensez à anonymiser les numéros.\n\nBelle observation sinon.")
    trainer_page.get_by_role("button", name="Envoyer mon retour").click()
    expect(trainer_page.get_by_text("Votre retour est envoyé")).to_be_visible()
    assert_no_axe_violations(trainer_page)
    assert Feedback.objects.count() == 1

    page.goto(f"{live_server.url}/mon-espace/")
    expect(page.get_by_text("1 nouveau retour de formateur·rice")).to_be_visible()
    page.get_by_role("link", name="Atelier parents").click()
    expect(page.get_by_text("Belle observation sinon.")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/journal/")
    expect(page.get_by_role("link", name="Atelier parents")).to_be_visible()
    assert_no_axe_violations(page)


def test_hostile_html_does_not_run_in_the_entry_or_the_editor(learner_page, page_as, trainer, live_server, learner):
    make_team(members=[learner]).trainers.add(trainer)  # trainers read only what their teams share
    body = "".join(f"<p>Charge {index} : {payload}</p>" for index, payload in enumerate(HOSTILE_PAYLOADS))
    entry = make_entry(learner, title="Charges hostiles", html=body, shared=True)
    dialogs = []
    checks = """sel => {
        const root = document.querySelector(sel);
        const all = [...root.querySelectorAll('*')];
        return {
            scripts: root.querySelectorAll('script, iframe, object, embed, svg, math, style, base, meta, form').length,
            handlers: all.filter(el => [...el.attributes].some(a => a.name.toLowerCase().startsWith('on'))).length,
            styles: all.filter(el => el.hasAttribute('style')).length,
            badLinks: [...root.querySelectorAll('a')].filter(a => !/^(https?:|mailto:)/.test(a.href)).length,
            text: root.textContent,
        };
    }"""
    trainer_page = page_as(trainer)
    for viewer in (learner_page, trainer_page):
        viewer.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for viewer, path, selector in [
        (learner_page, f"/journal/{entry.pk}/", "[data-entry-body]"),
        (learner_page, f"/journal/{entry.pk}/modifier/", ".journal-editor__area"),
        (trainer_page, f"/journal/{entry.pk}/", "[data-entry-body]"),
    ]:
        viewer.goto(f"{live_server.url}{path}")
        viewer.locator(selector).wait_for()
        viewer.wait_for_load_state("networkidle")  # any onload/onerror handler has had its chance
        found = viewer.evaluate(checks, selector)
        assert found["scripts"] == 0 and found["handlers"] == 0 and found["styles"] == 0, (path, found)
        assert found["badLinks"] == 0, (path, found)
        assert f"Charge {len(HOSTILE_PAYLOADS) - 1}" in found["text"]
    assert dialogs == []


def test_a_lost_session_keeps_the_text_which_is_saved_after_logging_in_again(learner_page, live_server, learner):
    from django.contrib.sessions.models import Session

    from tests.factories import PASSWORD

    entry = make_entry(learner, html="<p>Début enregistré.</p>")
    page = learner_page
    page.goto(f"{live_server.url}/journal/{entry.pk}/modifier/")
    status = page.locator("[data-status]")
    editor = page.get_by_role("textbox", name="Votre texte")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Suite écrite avec la session.")
    expect(status).to_contain_text("Brouillon enregistré à")

    Session.objects.all().delete()  # the server forgets the session (expiry, cache restart, logout elsewhere)
    page.keyboard.type(" Phrase tapée sans session.")
    expect(status).to_contain_text("Vous êtes déconnecté·e : votre texte est conservé sur cet appareil")
    expect(status.get_by_role("link", name="Se reconnecter dans un nouvel onglet")).to_be_visible()
    assert_no_axe_violations(page)
    entry.refresh_from_db()
    assert "sans session" not in entry.draft_html and "avec la session" in entry.draft_html

    page.reload()  # the editor's address now leads to the login form, then back to the editor
    page.wait_for_url(re.compile(r"/comptes/login/"))
    page.fill("input[name=login]", learner.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(rf"/journal/{entry.pk}/modifier/$"))
    expect(editor).to_contain_text("Phrase tapée sans session.")
    expect(status).to_contain_text("Brouillon enregistré à")
    entry.refresh_from_db()
    assert "Phrase tapée sans session." in entry.draft_html and "Suite écrite avec la session." in entry.draft_html


def test_two_tabs_on_one_entry_see_both_versions_instead_of_overwriting(learner_page, live_server, learner):
    entry = make_entry(learner, html="<p>Version de départ.</p>")
    url = f"{live_server.url}/journal/{entry.pk}/modifier/"
    first = learner_page
    first.goto(url)
    second = first.context.new_page()
    second.goto(url)

    first.get_by_role("textbox", name="Votre texte").click()
    first.keyboard.press("Control+End")
    first.keyboard.type(" Ajout du premier onglet.")
    expect(first.locator("[data-status]")).to_contain_text("Brouillon enregistré à")

    second.get_by_role("textbox", name="Votre texte").click()
    second.keyboard.press("Control+End")
    second.keyboard.type(" Ajout du second onglet.")
    conflict = second.get_by_role("region", name="Deux versions de ce texte")
    expect(conflict).to_be_visible()
    expect(conflict.locator("[data-conflict-mine]")).to_contain_text("Ajout du second onglet.")
    expect(conflict.locator("[data-conflict-theirs]")).to_contain_text("Ajout du premier onglet.")
    expect(second.locator("[data-status]")).to_contain_text("Une autre version de ce texte")
    assert_no_axe_violations(second)
    entry.refresh_from_db()
    assert "premier onglet" in entry.draft_html and "second onglet" not in entry.draft_html  # nothing overwritten

    conflict.get_by_role("button", name="Garder mon texte").click()
    expect(conflict).to_be_hidden()
    expect(second.locator("[data-status]")).to_contain_text("Brouillon enregistré à")
    entry.refresh_from_db()
    assert "second onglet" in entry.draft_html and "premier onglet" not in entry.draft_html
