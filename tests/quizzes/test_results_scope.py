"""A trainer reads the results of the quizzes of the courses they are course trainer of (everyone's attempts) or, for
the other quizzes, only their teams' learners' attempts; a quiz neither taught nor taken by their learners is a 404
and is not listed. Lead trainers and administrators read everything. Writing or re-saving a quiz (or its page)
widens nobody's scope."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.log_actions import log

from accounts.permissions import Role
from quizzes.models import QuizPage
from tests.factories import make_course, make_course_trainer, make_lesson, make_quiz, make_team, make_user
from tests.quizzes.test_results_and_access import take

pytestmark = pytest.mark.django_db

RESULT_URLS = ("quizzes:trainer_report", "quizzes:report_csv", "quizzes:report_xlsx")


@pytest.fixture
def course_trainer(db):
    return make_user(Role.TRAINER, display_name="Inès Formatrice du module")


@pytest.fixture
def taken(quiz, course_trainer, learner, other_learner):
    make_course_trainer(course_trainer, quizzes=[quiz])
    take(learner, quiz, True)
    take(other_learner, quiz, False)
    return quiz


def csv_rows(client, quiz):
    response = client.get(reverse("quizzes:report_csv", args=[quiz.pk]))
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def xlsx_names(client, quiz):
    response = client.get(reverse("quizzes:report_xlsx", args=[quiz.pk]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["Tentatives"]
    return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}


def listed(client):
    response = client.get(reverse("quizzes:trainer_list"))
    assert response.status_code == 200
    return {quiz.title: quiz.attempt_count for quiz in response.context["quizzes"]}


@pytest.mark.parametrize("who", ["course_trainer", "lead_trainer", "admin_user"])
def test_course_trainer_lead_trainer_and_admin_read_every_attempt(client, request, taken, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("quizzes:trainer_report", args=[taken.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert response.context["summary"]["count"] == 2
    assert "Camille Apprenante" in body and "Sacha Autre" in body
    assert "membres des équipes que vous accompagnez" not in body
    assert {row[0] for row in csv_rows(client, taken)[1:]} == {"Camille Apprenante", "Sacha Autre"}
    assert xlsx_names(client, taken) == {"Camille Apprenante", "Sacha Autre"}
    assert listed(client) == {taken.title: 2}


def test_team_trainer_reads_only_their_team_members(client, taken, team_trainer):
    client.force_login(team_trainer)
    response = client.get(reverse("quizzes:trainer_report", args=[taken.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    summary = response.context["summary"]
    assert summary["count"] == 1 and summary["learners"] == 1 and summary["average"] == 1.0
    assert all(stat["answers"] == 1 for stat in response.context["questions"])
    assert "Camille Apprenante" in body and "Sacha" not in body
    assert "Ces résultats ne portent que sur les membres des équipes que vous accompagnez." in body
    rows = csv_rows(client, taken)
    assert len(rows) == 2 and rows[1][0] == "Camille Apprenante"
    assert xlsx_names(client, taken) == {"Camille Apprenante"}
    assert listed(client) == {taken.title: 1}


def test_unrelated_trainer_gets_404_and_an_empty_list(client, taken, trainer):
    make_team(name="Une autre équipe", members=[make_user(Role.LEARNER)]).trainers.add(trainer)
    client.force_login(trainer)
    for name in RESULT_URLS:
        assert client.get(reverse(name, args=[taken.pk])).status_code == 404, name
    assert listed(client) == {}
    assert "Aucun quiz pour le moment." in client.get(reverse("quizzes:trainer_list")).content.decode()


def test_unknown_quiz_is_a_404_for_everyone(client, lead_trainer):
    client.force_login(lead_trainer)
    for name in RESULT_URLS:
        assert client.get(reverse(name, args=[999999])).status_code == 404, name


def test_an_unfinished_attempt_does_not_open_the_results(client, taken, team_trainer, all_types):
    from quizzes.taking import start_attempt

    quiz = make_quiz([all_types["single"]], title="Pas encore validé")
    start_attempt(quiz, team_trainer.trained_teams.get().member_users().get())
    client.force_login(team_trainer)
    assert client.get(reverse("quizzes:trainer_report", args=[quiz.pk])).status_code == 404
    assert "Pas encore validé" not in listed(client)


def test_creating_editing_or_revising_gives_no_scope(client, taken, trainer):
    """Before explicit assignments, a log entry of the admin, a revision of the quiz page or a course embedding the
    quiz opened everyone's results: none of them does now."""
    log(instance=taken, action="wagtail.create", user=trainer)
    log(instance=taken, action="wagtail.edit", user=trainer)
    QuizPage.objects.get(quiz=taken).save_revision(user=trainer)
    course = make_course(title="Un module écrit par la formatrice", owner=trainer)
    make_lesson(course, body=[("quiz", {"quiz": taken, "required": True})]).save_revision(user=trainer)
    client.force_login(trainer)
    assert listed(client) == {}
    for name in RESULT_URLS:
        assert client.get(reverse(name, args=[taken.pk])).status_code == 404, name


def test_creating_a_quiz_in_the_admin_gives_no_scope(client, trainer, all_types, learner):
    """Its creator reads the results of their teams' learners only, like any quiz they did not write."""
    from quizzes.models import Quiz

    client.force_login(trainer)
    question = all_types["single"]
    data = {
        "title": "Quiz écrit dans l'administration",
        "intro": "",
        "kind": "scored",
        "pass_mark": "60",
        "max_attempts": "0",
        "time_limit_minutes": "",
        "show_answers": "after_each",
        "shuffle_choices": "on",
        "before_quiz": "",
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "1",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-question": str(question.pk),
        "items-0-category": "",
        "items-0-draw_count": "0",
        "items-0-ORDER": "1",
        "items-0-id": "",
        "items-0-DELETE": "",
    }
    response = client.post(reverse("wagtailsnippets_quizzes_quiz:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz = Quiz.objects.get(title="Quiz écrit dans l'administration")
    take(learner, quiz, True)
    assert listed(client) == {}
    assert client.get(reverse("quizzes:trainer_report", args=[quiz.pk])).status_code == 404


def test_list_shows_the_course_quizzes_not_yet_taken(client, course_trainer, all_types):
    quiz = make_quiz([all_types["single"]], title="Tout neuf")
    make_course_trainer(course_trainer, quizzes=[quiz])
    make_quiz([all_types["single"]], title="Celui d'une autre")
    client.force_login(course_trainer)
    assert listed(client) == {"Tout neuf": 0}
    assert client.get(reverse("quizzes:trainer_report", args=[quiz.pk])).status_code == 200


def test_scoped_list_queries_stay_bounded(client, all_types, team_trainer, django_assert_max_num_queries):
    team = team_trainer.trained_teams.get()
    course = make_course(title="Le module du formateur")

    def build(offset):
        for i in range(offset, offset + 4):
            quiz = make_quiz([all_types["single"]], title=f"Quiz {i:02d}")
            member = make_user(Role.LEARNER)
            make_team(team.name, members=[member])
            take(member, quiz, True)
            take(make_user(Role.LEARNER), quiz, False)
            written = make_quiz([all_types["single"]], title=f"Écrit {i:02d}")
            make_course_trainer(team_trainer, quizzes=[written], course=course)
            take(make_user(Role.LEARNER), written, True)

    build(0)
    client.force_login(team_trainer)
    client.get(reverse("quizzes:trainer_list"))
    with django_assert_max_num_queries(13):
        response = client.get(reverse("quizzes:trainer_list"))
    assert len(response.context["quizzes"]) == 8
    build(4)
    with django_assert_max_num_queries(13):
        counts = listed(client)
    assert len(counts) == 16
    assert {counts[f"Quiz {i:02d}"] for i in range(8)} == {1} and {counts[f"Écrit {i:02d}"] for i in range(8)} == {1}
