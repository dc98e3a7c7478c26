"""« Obligatoire » means it (issue 24): a lesson with a required case stays unfinished, whatever the button says,
until the case is finished; the module and its certificate follow from real completion only."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from cases import play
from progress import api as progress
from progress.models import ActivityResult, Status
from tests.factories import make_case, make_course, make_lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson_with_required_case(learner):
    case = make_case(title="Les Tilleuls")
    course = make_course(title="Agir avec des locataires")
    lesson = make_lesson(
        course, title="Jouer le cas", body=[("case", {"case": case, "introduction": "", "required": True})]
    )
    progress.enrol(learner, course)
    return course, lesson, case


def finish(case, learner):
    attempt = play.start_attempt(learner, case)
    for step, choice in enumerate(["bon1", "bon2", "bon3", "bon4", "mauvais5"]):
        attempt.refresh_from_db()
        play.decide(attempt, step=step, node_key=attempt.current_node_key, choice_key=choice, justification="x" * 20)
        attempt.refresh_from_db()
        play.continue_attempt(attempt)
    attempt.refresh_from_db()
    assert attempt.is_finished


def completed(learner, *pages):
    return progress.completed_keys(learner, [page.activity_key for page in pages])


def test_the_button_does_not_complete_a_lesson_whose_required_case_is_not_played(
    client, learner, lesson_with_required_case
):
    course, lesson, case = lesson_with_required_case
    client.force_login(learner)

    page = client.get(lesson.url).content.decode()
    assert "Pour terminer cette leçon, il vous reste :" in page and "Le cas pratique « Les Tilleuls »" in page
    assert "J&#x27;ai terminé cette leçon" not in page

    response = client.post(reverse("courses:complete_lesson", args=[lesson.pk]), follow=True)
    assert "Cette leçon n&#x27;est pas encore terminée : il reste le cas pratique « Les Tilleuls »." in (
        response.content.decode()
    )
    assert not completed(learner, lesson, course)

    finish(case, learner)
    assert completed(learner, lesson, course) == {lesson.activity_key, course.activity_key}


def test_unqualified_completions_are_listed_not_removed(learner, lesson_with_required_case, capsys):
    course, lesson, _case = lesson_with_required_case
    # A completion recorded before the rule existed (the button alone).
    progress.record_activity(learner, lesson.activity_key, Status.COMPLETED)

    call_command("list_unqualified_completions")

    out = capsys.readouterr().out
    assert learner.email in out and "« Jouer le cas »" in out and "« Agir avec des locataires »" in out
    assert "le cas pratique « Les Tilleuls »" in out
    assert ActivityResult.objects.filter(user=learner, activity_key=lesson.activity_key).exists()


def test_activity_blocks_are_optional_until_the_author_ticks_them():
    """« Obligatoire » was pre-ticked on activity blocks (issue 24): an author now decides it, with a help text."""
    from cases.blocks import CaseBlock
    from h5p.blocks import H5PBlock
    from quizzes.blocks import QuizBlock
    from reflections.blocks import ReflectionPromptBlock
    from scorm.blocks import ScormBlock

    for block in (CaseBlock(), QuizBlock(), H5PBlock(), ReflectionPromptBlock(), ScormBlock()):
        required = block.child_blocks["required"]
        assert required.get_default() is False, type(block).__name__
        assert required.field.help_text, type(block).__name__
