"""Short answers: the tolerant comparison rule, the strict option, and scoring through the quiz (issue 24)."""

import pytest
from django.urls import reverse

from quizzes import scoring
from quizzes.answer_matching import answer_matches, tolerant_key
from quizzes.models import Attempt, Question
from tests.factories import make_category, make_question, make_quiz, make_quiz_page
from tests.quizzes.test_authoring_and_pages import question_post

ACCEPTED = [
    ("le non recours", "non-recours"),
    ("non recours", "non-recours"),
    ("le non-recours", "non recours"),
    ("Le  NON–RECOURS.", "non-recours"),
    ("l'aller vers", "aller vers"),
    ("l’aller-vers", "aller vers"),
    ("la participation", "participation"),
    ("les usagers", "usagers"),
    ("un diagnostic", "diagnostic"),
    ("une évaluation", "evaluation"),
    ("des partenaires", "partenaires"),
    ("du lien", "lien"),
    ("de la médiation", "médiation"),
    ("de l'accompagnement", "accompagnement"),
    ("Évaluation", "evaluation"),
    ("conseil de la vie sociale", "le conseil de la vie sociale"),
]

REJECTED = [
    ("recours", "non-recours"),
    ("nonrecours", "non-recours"),
    ("conseil vie sociale", "conseil de la vie sociale"),  # an article inside the answer counts
    ("lesusagers", "usagers"),
    ("de médiation", "médiation"),  # « de » alone is not an article
    ("CVS", "C.V.S."),  # punctuation reads as a space: « c v s »
    ("", "non-recours"),
    ("   ", "non-recours"),
]


@pytest.mark.parametrize(("given", "expected"), ACCEPTED)
def test_tolerant_rule_accepts(given, expected):
    assert answer_matches(given, [expected]) is True


@pytest.mark.parametrize(("given", "expected"), REJECTED)
def test_tolerant_rule_rejects(given, expected):
    assert answer_matches(given, [expected]) is False


def test_an_answer_made_of_an_article_only_is_kept():
    assert tolerant_key("La") == "la"
    assert answer_matches("la", ["La"]) is True
    assert answer_matches("le", ["la"]) is False


@pytest.mark.parametrize(
    ("given", "expected"),
    [("le non recours", "non-recours"), ("non recours", "non-recours"), ("evaluation", "évaluation")],
)
def test_strict_option_rejects_what_the_tolerant_rule_accepts(given, expected):
    assert answer_matches(given, [expected], strict=True) is False


def test_strict_option_still_ignores_case_and_spaces():
    assert answer_matches("  NON-Recours ", ["non-recours"], strict=True) is True
    assert answer_matches("le  non-recours", ["Le non-recours"], strict=True) is True


def test_is_correct_uses_the_question_option(db):
    question = make_question("short_answer", [], accepted_answers="non-recours")
    assert scoring.is_correct(question, [], "le non recours") is True
    question.strict_matching = True
    assert scoring.is_correct(question, [], "le non recours") is False
    assert scoring.is_correct(question, [], "Non-recours") is True


def _submit(client, learner, quiz, text):
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.filter(quiz=quiz, user=learner).latest("pk")
    question_pk = attempt.layout[0]["q"]
    response = client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", f"q{question_pk}": text})
    assert response.status_code == 302
    attempt.refresh_from_db()
    return attempt


def test_submission_scores_le_non_recours_right_and_keeps_its_score(client, learner):
    question = make_question("short_answer", [], accepted_answers="non-recours")
    quiz = make_quiz([question], pass_mark=100, max_attempts=0)
    make_quiz_page(quiz)
    client.force_login(learner)

    attempt = _submit(client, learner, quiz, "le non recours")
    assert attempt.answers.get().is_correct is True
    assert attempt.score == 1.0 and attempt.passed is True

    # The author tightens the rule afterwards: the stored attempt is not rescored, new ones follow the rule.
    Question.objects.filter(pk=question.pk).update(strict_matching=True)
    attempt.refresh_from_db()
    assert attempt.score == 1.0 and attempt.answers.get().is_correct is True
    later = _submit(client, learner, quiz, "le non recours")
    assert later.pk != attempt.pk
    assert later.score == 0.0 and later.passed is False


def test_author_sets_strict_matching_in_the_admin(client, trainer):
    client.force_login(trainer)
    url = reverse("wagtailsnippets_quizzes_question:add")
    assert 'name="strict_matching"' in client.get(url).content.decode()
    data = {
        **question_post(make_category(), qtype="short_answer", correct=()),
        "accepted_answers": "non-recours",
        "strict_matching": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    assert Question.objects.get().strict_matching is True
