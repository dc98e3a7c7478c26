"""Item analysis (quizzes/item_analysis.py): facility and discrimination checked against a hand-computed fixture,
the plain-French reading, and the trainer's report and CSV export."""

import csv
import io
from types import SimpleNamespace

import pytest
from django.urls import reverse

from quizzes import item_analysis
from tests.quizzes.test_results_and_access import take, write

# Five attempts on three questions (score on each, 0.5 = partial credit).
SCORES = {
    "A1": {"Q1": 1, "Q2": 1, "Q3": 1},
    "A2": {"Q1": 1, "Q2": 1, "Q3": 0},
    "A3": {"Q1": 1, "Q2": 0, "Q3": 0},
    "A4": {"Q1": 0, "Q2": 0, "Q3": 1},
    "A5": {"Q1": 1, "Q2": 0.5, "Q3": 0},
}


def answers():
    return [
        SimpleNamespace(attempt_id=attempt, question_id=question, score=score, is_correct=score == 1)
        for attempt, scores in SCORES.items()
        for question, score in scores.items()
    ]


def test_facility_and_discrimination_match_the_hand_computation():
    figures = item_analysis.analyse(answers())
    # Q1: items 1,1,1,0,1 (mean 0.8); rest of each attempt 2,1,0,1,0.5 (mean 0.9).
    # Σdx·dy = 0.22 + 0.02 − 0.18 − 0.08 − 0.08 = −0.10; Σdx² = 0.8; Σdy² = 2.2; r = −0.10 / √1.76 = −0.0754
    assert figures["Q1"]["facility"] == pytest.approx(0.8)
    assert figures["Q1"]["discrimination"] == pytest.approx(-0.0754, abs=1e-4)
    # Q2: items 1,1,0,0,0.5 (mean 0.5); rest 2,1,1,1,1 (mean 1.2); Σdx·dy = 0.5; Σdx² = 1; Σdy² = 0.8; r = 0.559
    assert figures["Q2"]["facility"] == pytest.approx(0.5)
    assert figures["Q2"]["discrimination"] == pytest.approx(0.5590, abs=1e-4)
    assert figures["Q3"]["attempts"] == 5


def test_a_question_without_variation_has_no_discrimination():
    same = [SimpleNamespace(attempt_id=n, question_id="Q", score=1.0, is_correct=True) for n in range(6)]
    assert item_analysis.analyse(same)["Q"]["discrimination"] is None


def test_the_reading_flags_items_everybody_passes_fails_or_that_stronger_learners_fail():
    def texts(**figures):
        return " ".join(text for _level, text in item_analysis.reading({"attempts": 20, **figures}))

    assert "Personne ne se trompe" in texts(facility=1.0, discrimination=None)
    assert "Presque tout le monde se trompe" in texts(facility=0.0, discrimination=None)
    assert "ratent plus souvent" in texts(facility=0.6, discrimination=-0.2)
    assert "distingue peu" in texts(facility=0.6, discrimination=0.1)
    assert texts(facility=0.6, discrimination=0.45) == ""
    few = item_analysis.reading({"attempts": 3, "facility": 1.0, "discrimination": None})
    assert few == [("info", "Trop peu de tentatives pour conclure (moins de 5).")]


@pytest.mark.django_db
def test_the_report_shows_the_figures_and_the_csv_exports_them(client, quiz, learner, other_learner, trainer):
    write(trainer, quiz)
    take(learner, quiz, True)
    take(other_learner, quiz, False)
    client.force_login(trainer)
    html = client.get(reverse("quizzes:trainer_report", args=[quiz.pk])).content.decode()
    assert "Facilité" in html and "Discrimination" in html and "Trop peu de tentatives" in html
    response = client.get(reverse("quizzes:item_analysis_csv", args=[quiz.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:7] == [
        "Question",
        "Type",
        "Réponses",
        "Bonnes réponses (%)",
        "Facilité (%)",
        "Discrimination",
        "Lecture",
    ]
    facilities = {row[0]: row[4] for row in rows[1:]}
    assert set(facilities.values()) <= {"50", "100", "0", ""} and "50" in facilities.values()
