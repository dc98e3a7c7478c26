import csv
import io
import json
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.personal_data import build_export_zip
from quizzes import reports
from quizzes.models import Attempt, Quiz
from quizzes.taking import start_attempt, submit_attempt
from tests.factories import make_course_trainer, make_quiz, make_user
from tests.quizzes.helpers import answer_fields

pytestmark = pytest.mark.django_db


def take(user, quiz, right):
    attempt = start_attempt(quiz, user)
    submit_attempt(attempt, answer_fields(attempt, right))
    attempt.refresh_from_db()
    return attempt


def write(trainer, quiz):
    """Make the trainer a course trainer of a course embedding the quiz: they read everyone's results on it."""
    make_course_trainer(trainer, quizzes=[quiz])


@pytest.fixture
def taken(quiz, learner, other_learner, trainer):
    write(trainer, quiz)
    take(learner, quiz, True)
    take(other_learner, quiz, False)
    return quiz


def test_trainer_report_summary_and_question_statistics(client, trainer, taken, all_types):
    summary = reports.summary(taken)
    assert summary["count"] == 2 and summary["average"] == 0.5 and summary["pass_rate"] == 0.5
    stats = {s["question"].qtype: s for s in reports.question_stats(taken)}
    assert stats["single"]["percent_correct"] == 50
    spread = {d["label"]: d["count"] for d in stats["single"]["distribution"]}
    assert spread == {"Le CSTS": 1, "L'ODAS": 1, "L'ANAS": 0}
    short = {d["label"]: d["count"] for d in stats["short_answer"]["distribution"]}
    assert short == {"NON-RECOURS": 1, "autre chose": 1}
    client.force_login(trainer)
    html = client.get(reverse("quizzes:trainer_report", args=[taken.pk])).content.decode()
    assert "Taux de réussite" in html and "50 %" in html and "Camille Apprenante" in html


def test_csv_and_xlsx_exports(client, trainer, taken):
    client.force_login(trainer)
    response = client.get(reverse("quizzes:report_csv", args=[taken.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Apprenant·e" and len(rows) == 3
    assert sorted(row[5] for row in rows[1:]) == ["0", "100"]
    response = client.get(reverse("quizzes:report_xlsx", args=[taken.pk]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Tentatives", "Questions"]
    assert workbook["Tentatives"].max_row == 3 and workbook["Questions"].max_row == 7


def test_csv_neutralises_formulas(taken, learner):
    learner.display_name = "=HYPERLINK(1)"
    learner.save()
    assert "'=HYPERLINK(1)" in reports.as_csv(taken)


@pytest.mark.parametrize("role_fixture", ["learner", "manager"])
def test_learners_and_managers_get_403_on_trainer_pages(client, request, taken, role_fixture):
    client.force_login(request.getfixturevalue(role_fixture))
    for name, args in [
        ("quizzes:trainer_list", []),
        ("quizzes:trainer_report", [taken.pk]),
        ("quizzes:report_csv", [taken.pk]),
        ("quizzes:report_xlsx", [taken.pk]),
        ("quizzes:moodle_import", []),
        ("quizzes:moodle_export", []),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 403, name


def test_trainer_list_query_count(client, lead_trainer, all_types, django_assert_max_num_queries):
    for i in range(8):
        quiz = make_quiz(list(all_types.values()), title=f"Quiz {i}")
        for _ in range(2):
            take(make_user(), quiz, i % 2 == 0)
    client.force_login(lead_trainer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("quizzes:trainer_list"))
    assert response.content.decode().count("<tr>") == 9


def test_report_query_count_does_not_grow_with_attempts(client, trainer, quiz, django_assert_max_num_queries):
    write(trainer, quiz)
    for i in range(15):
        take(make_user(), quiz, i % 3 == 0)
    client.force_login(trainer)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("quizzes:trainer_report", args=[quiz.pk])).status_code == 200


def test_my_space_lists_quizzes_with_best_score(client, learner, quiz, all_types, django_assert_max_num_queries):
    take(learner, quiz, False)
    take(learner, quiz, True)
    other = make_quiz([all_types["single"]], title="Deuxième quiz")
    take(learner, other, True)
    client.force_login(learner)
    with django_assert_max_num_queries(30):  # every app adds its section to "Mon espace"; the count stays flat
        html = client.get(reverse("my_space")).content.decode()
    assert "Mes quiz" in html and "Deuxième quiz" in html and "100 %" in html
    assert html.count("Voir le résultat") == 2


def test_personal_data_export_contains_attempts_and_answers(learner, taken):
    archive = zipfile.ZipFile(io.BytesIO(build_export_zip(learner)))
    data = json.loads(archive.read("donnees.json"))
    attempts = data["sections"]["quiz"]
    assert len(attempts) == 1 and attempts[0]["score"] == 1.0 and len(attempts[0]["answers"]) == 6
    assert attempts[0]["answers"][0]["question"]


def test_deleting_an_account_removes_its_attempts(learner, taken):
    from accounts.personal_data import delete_account

    delete_account(learner)
    assert Attempt.objects.filter(quiz=taken).count() == 1
    assert Quiz.objects.filter(pk=taken.pk).exists()
