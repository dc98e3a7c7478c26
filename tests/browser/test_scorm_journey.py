"""A learner follows SCORM 1.2 and 2004 modules (built by the test kit) in a lesson: the module runs sandboxed,
talks to scorm-again's runtime on the lesson page, its completion and score reach progress, and a paused module
resumes where the learner left off."""

import re

import pytest
from playwright.sync_api import expect

from progress.api import enrol
from progress.models import ActivityResult, Status
from scorm.models import ScormAttempt
from tests.a11y import assert_no_axe_violations
from tests.factories import make_course, make_lesson, make_scorm_package

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scorm_lesson(settings, tmp_path, learner):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    course = make_course(title="Travailler en réseau")
    enrol(learner, course)
    return course


def lesson_with(course, module):
    return make_lesson(
        course,
        title=f"Module {module.version}",
        body=[("rich_text", "<p>Suivez le module ci-dessous.</p>"), ("scorm", {"package": module, "required": True})],
    )


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_learner_pauses_resumes_and_completes_a_scorm_module(page_as, learner, live_server, scorm_lesson, version):
    module = make_scorm_package(version, title=f"Module SCORM {version}")
    lesson = lesson_with(scorm_lesson, module)
    page = page_as(learner)
    page.goto(live_server.url + lesson.url)
    expect(page.get_by_role("heading", name=f"Module SCORM {version}").first).to_be_visible()
    expect(page.locator("[data-scorm-fallback]")).to_be_hidden()
    frame = page.frame_locator(f'iframe[data-scorm-frame="{module.pk}"]')
    expect(frame.locator("#resumed")).to_have_text("début")
    assert_no_axe_violations(page, context={"exclude": [["iframe"]]})

    # Pause: the suspend data and location are committed for this learner's first attempt.
    frame.get_by_role("button", name="Mettre en pause").click()
    expect(frame.locator("#state")).to_have_text("en pause")
    status = page.locator(f'[data-scorm-status="{module.pk}"]')
    expect(status).to_have_text(re.compile("Module commencé"))
    attempt = ScormAttempt.objects.get(learner=learner, package=module)
    assert (attempt.number, attempt.suspend_data, attempt.exit) == (1, "diapositive=3", "suspend")

    # Back to the lesson: the module resumes from its suspend data.
    page.reload()
    frame = page.frame_locator(f'iframe[data-scorm-frame="{module.pk}"]')
    expect(frame.locator("#resumed")).to_have_text("diapositive=3")

    # Completion with a score of 80 %: progress records it and the lesson is complete.
    frame.get_by_role("button", name="Terminer le module").click()
    expect(status).to_have_text(re.compile("Module terminé · score : 80 %"))
    attempt.refresh_from_db()
    assert (attempt.completion_status, attempt.success_status, attempt.finished) == ("completed", "passed", True)
    result = ActivityResult.objects.get(user=learner, activity_key=module.activity_key)
    assert (result.status, result.score) == (Status.COMPLETED, 0.8)
    assert ActivityResult.objects.get(user=learner, activity_key=f"lesson:{lesson.pk}").status == Status.COMPLETED
