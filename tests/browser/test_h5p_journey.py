"""A learner answers real H5P packages (true/false, multiple choice, fill in the blanks) in a lesson."""

import re

import pytest
from playwright.sync_api import expect

from progress.models import ActivityResult, Status
from tests.a11y import assert_no_axe_violations
from tests.factories import make_course, make_h5p_activity, make_lesson

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# H5P question types (H5P.Question) share this "Check" button.
CHECK_BUTTON = "button.h5p-question-check-answer"


@pytest.fixture
def h5p_lesson(settings, tmp_path, trainer, learner):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    activities = {
        name: make_h5p_activity(name, title=title, user=trainer)
        for name, title in [
            ("truefalse-hello-world", "Vrai ou faux : premier repère"),
            ("multichoice", "Question à choix multiple"),
            ("blanks-fill-in", "Texte à trous"),
        ]
    }
    course = make_course(title="Agir avec un collectif d'habitant·es")
    from progress.api import enrol

    enrol(learner, course)  # lessons are open to enrolled learners
    lesson = make_lesson(
        course,
        title="S'exercer avec des activités interactives",
        body=[("rich_text", "<p>Répondez aux trois activités ci-dessous.</p>")]
        + [("h5p", {"activity": activity, "required": True}) for activity in activities.values()],
    )
    return lesson, activities


def h5p_frame(page, activity):
    """The H5P content frame inside our player frame."""
    return page.frame_locator(f'iframe[data-h5p-frame="{activity.pk}"]').frame_locator("iframe.h5p-iframe")


def status(page, activity):
    return page.locator(f'[data-h5p-status="{activity.pk}"]')


def test_learner_answers_h5p_activities_and_sees_the_score(page_as, learner, live_server, h5p_lesson):
    lesson, activities = h5p_lesson
    page = page_as(learner)
    page.goto(live_server.url + lesson.url)
    expect(page.get_by_role("heading", name="Vrai ou faux : premier repère")).to_be_visible()
    expect(page.locator("[data-h5p-fallback]").first).to_be_hidden()
    assert_no_axe_violations(page, context={"exclude": [["iframe"]]})

    # True/false, with the keyboard only: the right answer is "False".
    truefalse = activities["truefalse-hello-world"]
    frame = h5p_frame(page, truefalse)
    frame.get_by_role("radio", name="False").focus()
    page.keyboard.press("Space")
    check = frame.locator(CHECK_BUTTON)
    expect(check).to_be_visible()
    check.focus()
    page.keyboard.press("Enter")
    expect(status(page, truefalse)).to_have_text(re.compile(r"meilleur score : 100 %"))

    # Multiple choice: the right answer is "Very dark purple".
    multichoice = activities["multichoice"]
    frame = h5p_frame(page, multichoice)
    frame.get_by_text("Very dark purple").click()
    frame.locator(CHECK_BUTTON).click()
    expect(status(page, multichoice)).to_have_text(re.compile(r"meilleur score : 100 %"))

    # Fill in the blanks: two right words out of three.
    blanks = activities["blanks-fill-in"]
    frame = h5p_frame(page, blanks)
    inputs = frame.locator("input.h5p-text-input")
    expect(inputs).to_have_count(3)
    for index, word in enumerate(["blue", "Cloud", "red"]):
        inputs.nth(index).fill(word)
        inputs.nth(index).press("Tab")  # this package checks each blank as it is left (autoCheck)
    expect(status(page, blanks)).to_have_text(re.compile(r"meilleur score : 67 %"))

    results = {r.activity_key: r for r in ActivityResult.objects.filter(user=learner, activity_key__startswith="h5p:")}
    assert results[truefalse.activity_key].score == 1.0
    assert results[multichoice.activity_key].score == 1.0
    assert round(results[blanks.activity_key].score, 2) == 0.67
    assert all(result.status == Status.COMPLETED for result in results.values())
    # Every required activity is done: the lesson is completed.
    assert ActivityResult.objects.get(user=learner, activity_key=f"lesson:{lesson.pk}").status == Status.COMPLETED

    # After a reload the lesson still shows the scores.
    page.reload()
    expect(status(page, blanks)).to_have_text(re.compile(r"meilleur score : 67 %"))
    assert_no_axe_violations(page, context={"exclude": [["iframe"]]})


def test_without_javascript_the_lesson_explains_what_is_missing(browser, live_server, learner, h5p_lesson):
    from tests.conftest import login

    lesson, activities = h5p_lesson
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    try:
        page = login(context.new_page(), live_server, learner)
        page.goto(live_server.url + lesson.url)
        expect(page.locator("[data-h5p-fallback]")).to_have_count(3)
        expect(page.locator("[data-h5p-fallback]").first).to_be_visible()
        expect(page.locator("[data-h5p-fallback]").first).to_contain_text("a besoin de JavaScript")
        expect(page.get_by_text("Répondez aux trois activités ci-dessous.")).to_be_visible()
    finally:
        context.close()
