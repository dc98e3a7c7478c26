"""A trainer reads the trainer's guide of a case on its page and in its report (axe-clean); a learner sees neither."""

import pytest
from playwright.sync_api import expect

from cases import play
from cases.demo import guides, tilleuls
from tests.a11y import assert_no_axe_violations
from tests.factories import make_case, make_course_trainer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_trainer_reads_the_guide_and_learner_never_does(page_as, learner, trainer, live_server):
    case = make_case(title="Le collectif des Tilleuls", trainer_guide=guides.guide_html(tilleuls.CASE))
    make_course_trainer(trainer, cases=[case])
    play.start_attempt(learner, case)

    page = page_as(trainer)
    page.goto(live_server.url + case.url)
    guide = page.get_by_role("region", name="Guide du formateur")
    expect(guide).to_be_visible()
    expect(guide.get_by_role("heading", name="Questions pour le débriefing", level=3)).to_be_visible()
    expect(guide.get_by_role("heading", name="Huit ménages, un même immeuble", level=4)).to_be_visible()
    assert_no_axe_violations(page)

    page.goto(f"{live_server.url}/cas-pratiques/{case.pk}/rapport/")
    expect(page.get_by_role("region", name="Guide du formateur")).to_be_visible()
    assert_no_axe_violations(page)

    learner_page = page_as(learner)
    learner_page.goto(live_server.url + case.url)
    expect(learner_page.get_by_role("heading", name="Le collectif des Tilleuls", level=1)).to_be_visible()
    expect(learner_page.get_by_text("Guide du formateur")).to_have_count(0)
    expect(learner_page.get_by_text("Questions pour le débriefing")).to_have_count(0)
    response = learner_page.goto(f"{live_server.url}/cas-pratiques/{case.pk}/rapport/")
    assert response.status == 403
