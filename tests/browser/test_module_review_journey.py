"""Moderation by module in the browser (issue 24, item 3): a trainer submits a module with two lessons and a case in
one action, a lead trainer approves it in one review, the learner sees all three."""

import re

import pytest
from playwright.sync_api import expect

from progress import api as progress
from tests.a11y import assert_no_axe_violations
from tests.factories import make_case, make_course, make_course_trainer, make_lesson

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_submit_a_module_once_approve_it_once_and_learners_see_every_page(
    page_as, trainer, lead_trainer, learner, live_server
):
    case = make_case(title="Le cas de la réunion")
    course = make_course(title="Agir avec les habitants")
    first = make_lesson(course, title="Leçon 1", body=[("case", {"case": case, "introduction": "", "required": True})])
    second = make_lesson(course, title="Leçon 2")
    make_course_trainer(trainer, course=course)
    for page, title in ((first, "Le diagnostic partagé"), (second, "La première réunion"), (case, "Le cas revu")):
        page.title = title
        page.save_revision(user=trainer)
    progress.enrol(learner, course)

    # The trainer submits the whole module from a lesson's action menu, in one action.
    author = page_as(trainer)
    author.goto(f"{live_server.url}/admin/pages/{first.pk}/edit/")
    author.locator("footer .w-dropdown__toggle").first.click()
    author.get_by_role("link", name="Soumettre le module à validation").click()
    expect(author.get_by_role("heading", level=1)).to_have_text(re.compile("Soumettre le module à validation"))
    table = author.get_by_role("table")
    for title in ("Le diagnostic partagé", "La première réunion", "Le cas revu"):
        expect(table.get_by_role("link", name=title)).to_be_visible()
    assert_no_axe_violations(author, context=".nice-padding")
    author.get_by_role("button", name="Soumettre le module à validation").click()
    expect(author.get_by_text(re.compile("soumis à validation : 3 page"))).to_be_visible()

    # The lead trainer finds it in the menu and approves it in one review.
    reviewer = page_as(lead_trainer)
    reviewer.goto(f"{live_server.url}/admin/")
    reviewer.get_by_role("link", name=re.compile("Validations de modules")).click()
    reviewer.get_by_role("link", name="Agir avec les habitants").click()
    rows = reviewer.get_by_role("table").get_by_role("row")
    expect(rows).to_have_count(4)  # the header and three pages
    assert_no_axe_violations(reviewer, context=".nice-padding")
    reviewer.get_by_label(re.compile("Commentaire pour la personne")).fill("Très clair, merci.")
    reviewer.get_by_role("button", name="Approuver et publier tout le module").click()
    expect(reviewer.get_by_text(re.compile("approuvé : toutes ses pages sont publiées"))).to_be_visible()

    # The learner sees the two lessons and the case, as approved.
    me = page_as(learner)
    me.goto(f"{live_server.url}{course.url}")
    expect(me.get_by_role("link", name=re.compile("Le diagnostic partagé")).first).to_be_visible()
    expect(me.get_by_role("link", name=re.compile("La première réunion")).first).to_be_visible()
    me.goto(f"{live_server.url}{first.url}")
    expect(me.get_by_role("heading", level=1)).to_have_text("Le diagnostic partagé")
    expect(me.get_by_role("heading", name="Cas pratique : Le cas revu")).to_be_visible()
