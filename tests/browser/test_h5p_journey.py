"""A learner answers H5P activities (built by the test kit) in a lesson; the player runs in an opaque-origin
sandbox, so a package's script cannot read the learner's journal, and the score still reaches progress
through the lesson page."""

import re

import pytest
from playwright.sync_api import expect

from progress.models import ActivityResult, Status
from statements.models import Statement
from tests import h5p_kit
from tests.a11y import assert_no_axe_violations
from tests.factories import make_course, make_entry, make_h5p_activity, make_lesson

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JOURNAL_SECRET = "Ma supervision de mardi m'a bouleversée"
PROBED_URLS = ["/journal/", "/compte/mes-donnees/"]


def make_lesson_with(learner, activities):
    course = make_course(title="Agir avec un collectif d'habitant·es")
    from progress.api import enrol

    enrol(learner, course)  # lessons are open to enrolled learners
    return make_lesson(
        course,
        title="S'exercer avec des activités interactives",
        body=[("rich_text", "<p>Répondez aux activités ci-dessous.</p>")]
        + [("h5p", {"activity": activity, "required": True}) for activity in activities],
    )


@pytest.fixture
def h5p_lesson(settings, tmp_path, trainer, learner):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    right = make_h5p_activity(title="Vrai ou faux : premier repère", user=trainer)
    content_only = h5p_kit.package(with_libraries=False, title="Deuxième repère", correct="false")
    wrong = make_h5p_activity(title="Vrai ou faux : deuxième repère", user=trainer, data=content_only)
    return make_lesson_with(learner, [right, wrong]), right, wrong


def h5p_frame(page, activity):
    """Our sandboxed player frame (H5P content is rendered in it directly, embedType "div")."""
    return page.frame_locator(f'iframe[data-h5p-frame="{activity.pk}"]')


def status(page, activity):
    return page.locator(f'[data-h5p-status="{activity.pk}"]')


def test_learner_answers_h5p_activities_and_sees_the_score(page_as, learner, live_server, h5p_lesson):
    lesson, right, wrong = h5p_lesson
    page = page_as(learner)
    page.goto(live_server.url + lesson.url)
    expect(page.get_by_role("heading", name="Vrai ou faux : premier repère")).to_be_visible()
    expect(page.locator("[data-h5p-fallback]").first).to_be_hidden()
    assert_no_axe_violations(page, context={"exclude": [["iframe"]]})

    # The right answer ("Vrai"), with the keyboard only.
    frame = h5p_frame(page, right)
    expect(frame.get_by_text("CCAS")).to_be_visible()
    frame.get_by_role("button", name=h5p_kit.TRUE_LABEL).focus()
    page.keyboard.press("Enter")
    expect(frame.get_by_text("Score : 1/1")).to_be_visible()
    expect(status(page, right)).to_have_text(re.compile(r"meilleur score : 100 %"))

    # A content-only package played with the store's libraries: "Vrai" is wrong here.
    frame = h5p_frame(page, wrong)
    frame.get_by_role("button", name=h5p_kit.TRUE_LABEL).click()
    expect(status(page, wrong)).to_have_text(re.compile(r"meilleur score : 0 %"))

    results = {r.activity_key: r for r in ActivityResult.objects.filter(user=learner, activity_key__startswith="h5p:")}
    assert results[right.activity_key].score == 1.0
    assert results[wrong.activity_key].score == 0.0
    assert all(result.status == Status.COMPLETED for result in results.values())
    # Every required activity is done: the lesson is completed.
    assert ActivityResult.objects.get(user=learner, activity_key=f"lesson:{lesson.pk}").status == Status.COMPLETED

    # After a reload the lesson still shows the scores.
    page.reload()
    expect(status(page, right)).to_have_text(re.compile(r"meilleur score : 100 %"))
    assert_no_axe_violations(page, context={"exclude": [["iframe"]]})


def test_a_package_script_cannot_read_the_journal_but_the_score_reaches_progress(
    page_as, settings, tmp_path, trainer, learner, live_server
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    make_entry(learner, title="Après la supervision", html=f"<p>{JOURNAL_SECRET}</p>")
    probe = make_h5p_activity(title="Question piégée", user=trainer, data=h5p_kit.package(probe_urls=PROBED_URLS))
    lesson = make_lesson_with(learner, [probe])
    page = page_as(learner)
    # The learner's own session does read the journal: the secret is there to be stolen.
    page.goto(live_server.url + "/journal/")
    expect(page.get_by_text("Après la supervision")).to_be_visible()

    page.goto(live_server.url + lesson.url)
    frame = h5p_frame(page, probe)
    report = frame.locator(".collectif-probe[data-done=true]")
    expect(report).to_have_count(1)
    text = report.inner_text()
    for url in PROBED_URLS:
        assert url in text
    assert "Après la supervision" not in text and JOURNAL_SECRET not in text
    assert "cookie: refused" in text  # an opaque origin has no cookie jar
    assert "parent: refused" in text  # nor access to the lesson page

    frame.get_by_role("button", name=h5p_kit.TRUE_LABEL).click()
    expect(status(page, probe)).to_have_text(re.compile(r"meilleur score : 100 %"))
    result = ActivityResult.objects.get(user=learner, activity_key=probe.activity_key)
    assert result.status == Status.COMPLETED and result.score == 1.0
    assert Statement.objects.filter(user=learner, verb__endswith="/answered").count() == 1


def test_without_javascript_the_lesson_explains_what_is_missing(browser, live_server, learner, h5p_lesson):
    from tests.conftest import login

    lesson, right, wrong = h5p_lesson
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    try:
        page = login(context.new_page(), live_server, learner)
        page.goto(live_server.url + lesson.url)
        expect(page.locator("[data-h5p-fallback]")).to_have_count(2)
        expect(page.locator("[data-h5p-fallback]").first).to_be_visible()
        expect(page.locator("[data-h5p-fallback]").first).to_contain_text("a besoin de JavaScript")
        expect(page.get_by_text("Répondez aux activités ci-dessous.")).to_be_visible()
    finally:
        context.close()


HOSTILE_QUESTION = (
    "<p>Le <strong>CCAS</strong> est communal.</p>"
    "<img src=\"x\" onerror=\"document.body.setAttribute('data-pwned', 'img')\">"
    "<script>document.body.setAttribute('data-pwned', 'script')</script>"
    "<p><a href=\"javascript:document.body.setAttribute('data-pwned', 'lien')\">lien</a></p>"
)


def test_script_in_a_packages_content_fields_never_runs(page_as, settings, tmp_path, trainer, learner, live_server):
    """A trainer's package whose question text carries script: validation against the library's semantics
    filters it out on upload, so the learner's player renders the text and runs nothing."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    hostile = make_h5p_activity(
        title="Question au texte piégé", user=trainer, data=h5p_kit.package(question=HOSTILE_QUESTION)
    )
    from django.core.files.storage import default_storage

    with default_storage.open(f"{hostile.content_path}/content/content.json") as stored:
        served = stored.read().decode()
    assert "onerror" not in served and "<script" not in served and "javascript:" not in served
    assert "CCAS" in served

    lesson = make_lesson_with(learner, [hostile])
    page = page_as(learner)
    page.goto(live_server.url + lesson.url)
    frame = h5p_frame(page, hostile)
    expect(frame.get_by_text("CCAS")).to_be_visible()
    question = frame.locator(".collectif-question__text")
    assert question.locator("img, script, a[href^='javascript']").count() == 0
    frame.get_by_role("button", name=h5p_kit.TRUE_LABEL).click()
    expect(status(page, hostile)).to_have_text(re.compile(r"meilleur score : 100 %"))
    assert frame.locator("body[data-pwned]").count() == 0
    assert page.locator("body[data-pwned]").count() == 0


STATEMENTS = "**/h5p/*/declarations/"
OUTBOX = "JSON.parse(localStorage.getItem('collectif:h5p:outbox') || '[]').length"


def answer_while_the_server_is_unreachable(page, live_server, lesson, activity):
    """The learner answers while every statement post fails: the lesson says so and keeps the statement."""
    page.route(STATEMENTS, lambda route: route.abort())
    page.goto(live_server.url + lesson.url)
    h5p_frame(page, activity).get_by_role("button", name=h5p_kit.TRUE_LABEL).click()
    expect(page.locator(f'[data-h5p-save-error="{activity.pk}"]')).to_be_visible()
    assert page.evaluate(OUTBOX) >= 1


def test_an_answer_given_while_the_server_is_unreachable_is_sent_when_it_answers(
    page_as, learner, live_server, h5p_lesson
):
    lesson, right, _wrong = h5p_lesson
    page = page_as(learner)
    answer_while_the_server_is_unreachable(page, live_server, lesson, right)
    assert not Statement.objects.filter(user=learner).exists()

    page.unroute(STATEMENTS)  # the server answers again: the next retry goes through
    expect(status(page, right)).to_have_text(re.compile(r"meilleur score : 100 %"), timeout=20_000)
    expect(page.locator(f'[data-h5p-save-error="{right.pk}"]')).to_be_hidden()
    assert page.evaluate(OUTBOX) == 0
    assert ActivityResult.objects.get(user=learner, activity_key=right.activity_key).score == 1.0


def test_an_answer_left_unsent_by_a_closed_tab_is_sent_at_the_next_visit(page_as, learner, live_server, h5p_lesson):
    lesson, right, _wrong = h5p_lesson
    page = page_as(learner)
    answer_while_the_server_is_unreachable(page, live_server, lesson, right)
    context = page.context
    page.close()

    later = context.new_page()
    later.goto(live_server.url + lesson.url)
    expect(status(later, right)).to_have_text(re.compile(r"meilleur score : 100 %"))
    assert later.evaluate(OUTBOX) == 0
    assert (
        Statement.objects.filter(user=learner).count()
        == Statement.objects.filter(user=learner).values("statement_id").distinct().count()
    )
