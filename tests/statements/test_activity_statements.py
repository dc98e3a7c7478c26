"""xAPI statements of quizzes (attempted, passed / failed with scores) and courses (lesson and module completed)."""

import pytest
from django.conf import settings

from quizzes.models import Question
from quizzes.taking import start_attempt, submit_attempt
from statements.api import VERBS
from statements.models import Statement
from tests.factories import complete_lessons, make_course, make_lesson, make_question, make_quiz, make_quiz_page
from tests.quizzes.helpers import fields_for

pytestmark = pytest.mark.django_db


def verbs_of(user):
    return [s.data["verb"]["id"] for s in Statement.objects.filter(user=user).order_by("pk")]


def take(quiz, user, rights):
    """Start and submit an attempt, answering each question right or wrong in order."""
    attempt = start_attempt(quiz, user)
    raw = {}
    for entry, right in zip(attempt.layout, rights, strict=True):
        question = Question.objects.prefetch_related("choices").get(pk=entry["q"])
        raw.update(fields_for(question, entry, right))
    assert submit_attempt(attempt, raw)
    attempt.refresh_from_db()
    return attempt


@pytest.fixture
def two_questions_quiz(db):
    single = make_question("single", [("Le diagnostic partagé", True), ("Le bilan", False)])
    true_false = make_question("true_false", [], true_false_answer=True)
    quiz = make_quiz([single, true_false], title="Quiz du non-recours", pass_mark=50, shuffle_questions=False)
    make_quiz_page(quiz)
    return quiz


def test_starting_a_quiz_is_an_attempted_statement(learner, two_questions_quiz):
    attempt = start_attempt(two_questions_quiz, learner)
    statement = Statement.objects.get(user=learner)
    data = statement.data
    assert data["verb"]["id"] == "http://adlnet.gov/expapi/verbs/attempted"
    assert data["object"]["id"] == f"{settings.SITE_URL}/quiz/{two_questions_quiz.pk}"
    assert data["object"]["definition"]["name"] == {"fr-FR": "Quiz du non-recours"}
    assert data["actor"]["account"] == {"homePage": settings.SITE_URL, "name": str(learner.pk)}
    assert data["context"]["extensions"][f"{settings.SITE_URL}/xapi/extensions/attempt"] == attempt.pk
    # Resuming the open attempt is not a new attempt.
    assert start_attempt(two_questions_quiz, learner).pk == attempt.pk
    assert Statement.objects.filter(user=learner).count() == 1


def test_a_passed_quiz_sends_its_scores(learner, two_questions_quiz):
    take(two_questions_quiz, learner, [True, False])
    assert verbs_of(learner) == [VERBS["attempted"], VERBS["passed"]]
    result = Statement.objects.get(user=learner, verb=VERBS["passed"]).data["result"]
    assert result["score"] == {"scaled": 0.5, "raw": 1.0, "min": 0, "max": 2}
    assert result["success"] is True and result["completion"] is True
    assert result["duration"].startswith("PT")


def test_a_failed_quiz_sends_its_scores(learner, two_questions_quiz):
    take(two_questions_quiz, learner, [False, False])
    assert verbs_of(learner) == [VERBS["attempted"], VERBS["failed"]]
    result = Statement.objects.get(user=learner, verb=VERBS["failed"]).data["result"]
    assert result["score"] == {"scaled": 0.0, "raw": 0.0, "min": 0, "max": 2}
    assert result["success"] is False and result["completion"] is True


def test_partial_credit_is_a_raw_score_in_points(learner):
    multiple = make_question(
        "multiple", [("A", True), ("B", True), ("C", False)], scoring_rule="partial", name="Partiel"
    )
    quiz = make_quiz([multiple], pass_mark=80)
    make_quiz_page(quiz)
    attempt = start_attempt(quiz, learner)
    choices = {c.text: c.pk for c in multiple.choices.all()}
    submit_attempt(attempt, {f"q{multiple.pk}": [str(choices["A"])]})
    result = Statement.objects.get(user=learner, verb=VERBS["failed"]).data["result"]
    assert result["score"] == {"scaled": 0.5, "raw": 0.5, "min": 0, "max": 1}


def test_a_self_positioning_questionnaire_is_completed_without_score(learner):
    likert = make_question("likert", [("Pas du tout", False), ("Tout à fait", False)])
    quiz = make_quiz([likert], kind="self_positioning")
    make_quiz_page(quiz)
    take(quiz, learner, [True])
    statement = Statement.objects.get(user=learner, verb=VERBS["completed"])
    assert statement.data["result"] == {"completion": True, "duration": statement.data["result"]["duration"]}


def test_lessons_and_module_completed_statements(learner):
    course = make_course(title="Agir avec un groupe")
    first, second = make_lesson(course, "Leçon 1"), make_lesson(course, "Leçon 2")
    complete_lessons(learner, course, count=1)
    (statement,) = Statement.objects.filter(user=learner)
    data = statement.data
    assert data["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert data["object"]["id"] == f"{settings.SITE_URL}/lecons/{first.pk}/"
    assert data["object"]["definition"]["name"] == {"fr-FR": "Leçon 1"}
    assert data["context"]["contextActivities"]["parent"][0]["id"] == f"{settings.SITE_URL}/modules/{course.pk}/"

    complete_lessons(learner, course)  # the first again (no new statement), then the second, then the module
    objects = [s.object_id for s in Statement.objects.filter(user=learner).order_by("pk")]
    assert objects == [
        f"{settings.SITE_URL}/lecons/{first.pk}/",
        f"{settings.SITE_URL}/lecons/{second.pk}/",
        f"{settings.SITE_URL}/modules/{course.pk}/",
    ]
    module = Statement.objects.get(object_id=f"{settings.SITE_URL}/modules/{course.pk}/").data
    assert module["verb"]["id"] == VERBS["completed"] and module["result"] == {"completion": True}
    assert module["object"]["definition"]["name"] == {"fr-FR": "Agir avec un groupe"}


def test_a_required_quiz_passed_completes_its_lesson_with_statements_in_order(learner, two_questions_quiz):
    course = make_course()
    lesson = make_lesson(course, "Leçon quiz", body=[("quiz", {"quiz": two_questions_quiz, "required": True})])
    take(two_questions_quiz, learner, [True, True])
    assert verbs_of(learner) == [VERBS["attempted"], VERBS["passed"], VERBS["completed"], VERBS["completed"]]
    assert Statement.objects.filter(user=learner, object_id__endswith=f"/lecons/{lesson.pk}/").count() == 1
