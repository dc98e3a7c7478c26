import pytest
from django.urls import reverse

from progress.models import ActivityResult, Status
from quizzes import scoring
from quizzes.models import Attempt
from quizzes.taking import start_attempt
from tests.quizzes.helpers import answer_fields, fields_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("  Non-Recours ", "non-recours"),
        ("ÉVALUATION", "evaluation"),
        ("dévelop\u0301pement  social", "developpement social"),
    ],
)
def test_normalise_ignores_case_accents_and_spaces(given, expected):
    assert scoring.normalise(given) == expected


def test_short_answer_accepts_every_listed_answer_whatever_the_case_or_accents(all_types):
    question = all_types["short_answer"]
    question.accepted_answers = "développement social local\nDSL"
    for answer in ["Developpement Social Local", "  dsl ", "DÉVELOPPEMENT   social local"]:
        assert scoring.is_correct(question, [], answer) is True
    assert scoring.is_correct(question, [], "développement local") is False


@pytest.mark.parametrize("qtype", ["single", "multiple", "true_false", "matching", "ordering", "short_answer"])
@pytest.mark.parametrize("right", [True, False])
def test_each_type_is_scored_right_and_wrong_through_the_form(client, learner, all_types, qtype, right):
    from tests.factories import make_quiz, make_quiz_page

    quiz = make_quiz([all_types[qtype]], pass_mark=100)
    make_quiz_page(quiz)
    client.force_login(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz, user=learner)
    entry = attempt.layout[0]
    response = client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        {"action": "submit", **fields_for(all_types[qtype], entry, right)},
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    answer = attempt.answers.get()
    assert answer.is_correct is right
    assert attempt.score == (1.0 if right else 0.0)
    assert attempt.passed is right
    result = ActivityResult.objects.get(user=learner, activity_key=f"quiz:{quiz.pk}")
    assert result.status == (Status.COMPLETED if right else Status.FAILED)
    assert result.score == attempt.score


def test_likert_questionnaire_completes_without_score(client, learner):
    from tests.factories import make_question, make_quiz, make_quiz_page

    scale = make_question("likert", [("Pas du tout", False), ("Un peu", False), ("Tout à fait", False)])
    quiz = make_quiz([scale], kind="self_positioning", show_answers="never")
    make_quiz_page(quiz)
    attempt = start_attempt(quiz, learner)
    client.force_login(learner)
    client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", **answer_fields(attempt)})
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score is None and attempt.passed is None
    assert attempt.answers.get().is_correct is None
    result = ActivityResult.objects.get(user=learner, activity_key=quiz.activity_key)
    assert result.status == Status.COMPLETED and result.score is None


def test_attempt_score_and_pass_mark():
    assert scoring.attempt_score([True, False, None, True], 60) == (2 / 3, True)
    assert scoring.attempt_score([True, False], 60) == (0.5, False)
    assert scoring.attempt_score([None], 60) == (None, None)


def test_structure_errors_refuse_broken_questions():
    assert scoring.structure_errors("single", [{"text": "a", "is_correct": True}, {"text": "b", "is_correct": True}])
    assert scoring.structure_errors(
        "multiple", [{"text": "a", "is_correct": False}, {"text": "b", "is_correct": False}]
    )
    assert scoring.structure_errors("matching", [{"text": "a", "is_correct": False, "match_text": ""}] * 2)
    assert scoring.structure_errors("short_answer", [], "  \n")
    assert not scoring.structure_errors("true_false", [])
