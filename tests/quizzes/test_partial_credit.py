"""Partial credit for multiple-response questions (issue 17): (right ticked − wrong ticked) ÷ right, never below 0,
chosen per question; all or nothing stays the default; stored scores never change; Moodle keeps the rule."""

import pytest
from django.urls import reverse

from quizzes import moodle, scoring
from quizzes.models import Attempt, Question, ScoringRule
from tests.factories import make_question, make_quiz, make_quiz_page

pytestmark = pytest.mark.django_db

CHOICES = [("TSG", True), ("DSL", True), ("ISIC", True), ("Médiation numérique", False), ("Tutelle", False)]


def multiple(rule):
    question = make_question("multiple", CHOICES, scoring_rule=rule)
    by_text = {choice.text: choice.pk for choice in question.choices.all()}
    return question, by_text


@pytest.mark.parametrize(
    ("ticked", "points"),
    [
        (["TSG", "DSL", "ISIC"], 1.0),
        (["TSG", "DSL"], 2 / 3),
        (["TSG", "DSL", "Tutelle"], 1 / 3),
        (["TSG", "ISIC", "DSL", "Tutelle"], 2 / 3),
        (["TSG", "Tutelle", "Médiation numérique"], 0.0),  # more wrong than right: floored at 0
        ([], 0.0),
    ],
)
def test_partial_credit_table(ticked, points):
    question, by_text = multiple(ScoringRule.PARTIAL)
    flag, score = scoring.question_score(question, list(question.choices.all()), [by_text[t] for t in ticked])
    assert score == pytest.approx(points)
    assert flag is (points == 1.0)


def test_all_or_nothing_stays_the_default():
    question, by_text = multiple(ScoringRule.ALL_OR_NOTHING)
    assert Question._meta.get_field("scoring_rule").default == ScoringRule.ALL_OR_NOTHING
    assert scoring.question_score(question, list(question.choices.all()), [by_text["TSG"], by_text["DSL"]]) == (
        False,
        0.0,
    )


def submit(client, learner, quiz, question, ticked):
    make_quiz_page(quiz)  # a published quiz page: learners may take it
    client.force_login(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.in_progress().get(quiz=quiz, user=learner)
    client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", f"q{question.pk}": ticked})
    attempt.refresh_from_db()
    return attempt


def test_a_submitted_partial_answer_scores_its_share_and_says_so(client, learner):
    question, by_text = multiple(ScoringRule.PARTIAL)
    quiz = make_quiz([question], pass_mark=50, show_answers="after_each")
    attempt = submit(client, learner, quiz, question, [str(by_text["TSG"]), str(by_text["DSL"])])
    assert attempt.score == pytest.approx(2 / 3) and attempt.passed
    page = client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
    assert "◐ Réponse en partie juste : 0,67 point sur 1" in page


def test_changing_the_rule_leaves_stored_attempts_alone(client, learner):
    question, by_text = multiple(ScoringRule.ALL_OR_NOTHING)
    quiz = make_quiz([question], pass_mark=50)
    attempt = submit(client, learner, quiz, question, [str(by_text["TSG"]), str(by_text["DSL"])])
    assert attempt.score == 0.0
    Question.objects.filter(pk=question.pk).update(scoring_rule=ScoringRule.PARTIAL)
    attempt.refresh_from_db()
    assert attempt.score == 0.0 and attempt.answers.get().score == 0.0
    assert "Réponse en partie juste" not in client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()


@pytest.mark.parametrize("rule", [ScoringRule.PARTIAL, ScoringRule.ALL_OR_NOTHING])
def test_a_moodle_round_trip_keeps_the_rule(rule):
    question, _by_text = multiple(rule)
    xml = moodle.export_questions(Question.objects.filter(pk=question.pk))
    expected_type = 'type="multichoice"' if rule == ScoringRule.PARTIAL else 'type="multichoiceset"'
    assert expected_type in xml.decode()
    Question.objects.all().delete()
    report = moodle.import_questions(xml)
    assert all(line.imported for line in report), report
    copy = Question.objects.get()
    assert copy.scoring_rule == rule
    assert [(c.text, c.is_correct) for c in copy.choices.all()] == CHOICES
