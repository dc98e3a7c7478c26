"""The text version of an H5P activity: described to assistive technologies from the player's frame, opened
with the keyboard below it, readable without JavaScript, and the lesson stays axe-clean."""

import pytest
from playwright.sync_api import expect

from progress.api import enrol
from tests.a11y import assert_no_axe_violations
from tests.factories import make_course, make_h5p_activity, make_lesson

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWER = "Réponse attendue : vrai, le CCAS peut prêter une salle de réunion."


@pytest.fixture
def lesson_with_alternative(settings, tmp_path, trainer, learner):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    activity = make_h5p_activity(title="Vrai ou faux : premier repère", user=trainer)
    course = make_course(title="Agir avec un collectif d'habitant·es")
    enrol(learner, course)
    alternative = f"<p>Consigne : dites si l'affirmation est vraie.</p><p>{ANSWER}</p>"
    lesson = make_lesson(
        course,
        title="S'exercer avec une activité interactive",
        body=[("h5p", {"activity": activity, "required": True, "text_alternative": alternative})],
    )
    return lesson, activity


def test_the_text_version_is_announced_and_opens_with_the_keyboard(
    page_as, learner, live_server, lesson_with_alternative
):
    lesson, activity = lesson_with_alternative
    page = page_as(learner)
    page.goto(live_server.url + lesson.url)

    frame = page.locator(f'iframe[data-h5p-frame="{activity.pk}"]')
    expect(frame).to_have_accessible_description("Version texte de l'activité")
    summary = page.get_by_text("Version texte de l'activité", exact=True)
    expect(page.get_by_text(ANSWER)).to_be_hidden()
    # Below the player, in reading order.
    assert summary.bounding_box()["y"] > frame.bounding_box()["y"]

    summary.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text(ANSWER)).to_be_visible()
    assert_no_axe_violations(page, context={"exclude": [["iframe"]]})


def test_without_javascript_the_text_version_is_still_there(browser, live_server, learner, lesson_with_alternative):
    from tests.conftest import login

    lesson, _activity = lesson_with_alternative
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    try:
        page = login(context.new_page(), live_server, learner)
        page.goto(live_server.url + lesson.url)
        page.get_by_text("Version texte de l'activité", exact=True).click()
        expect(page.get_by_text(ANSWER)).to_be_visible()
    finally:
        context.close()
