"""A trainer reads the reasoning report of the cases of the courses they are course trainer of (everyone's attempts)
or, for the other cases, only their teams' learners' attempts; a case neither taught nor played by their learners is
a 404. Lead trainers and administrators read everything. Writing or revising pages widens nobody's scope."""

import csv
import html
import io

import pytest
from django.urls import reverse

from accounts.permissions import Role
from tests.cases.test_report import play_path
from tests.factories import make_case, make_course, make_course_trainer, make_lesson, make_team, make_user

pytestmark = pytest.mark.django_db

PATH = ["bon1", "bon2", "bon3", "bon4", "bon5"]


@pytest.fixture
def course_trainer(db):
    return make_user(Role.TRAINER, display_name="Inès Formatrice du module")


@pytest.fixture
def case(course_trainer, learner, other_learner):
    case = make_case()
    make_course_trainer(course_trainer, cases=[case])
    play_path(learner, case, PATH, "Camille justifie son choix.")
    play_path(other_learner, case, PATH, "Sacha justifie son choix.")
    return case


def report(client, user, case, suffix=""):
    client.force_login(user)
    return client.get(reverse("cases:report", args=[case.pk]) + suffix)


def decisions_csv(client, case):
    response = client.get(reverse("cases:report_csv", args=[case.pk]) + "?contenu=decisions")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def summary_csv(client, case):
    response = client.get(reverse("cases:report_csv", args=[case.pk]))
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("who", ["course_trainer", "lead_trainer", "admin_user"])
def test_course_trainer_lead_trainer_and_admin_read_every_attempt(client, request, case, who):
    response = report(client, request.getfixturevalue(who), case)
    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    assert response.context["learners"] == 2 and response.context["decisions"] == 10
    assert "Camille justifie son choix." in body and "Sacha justifie son choix." in body
    assert "membres des équipes que vous accompagnez" not in body
    assert {row[1] for row in decisions_csv(client, case)[1:]} == {"Camille Apprenante", "Sacha Autre"}


def test_team_trainer_reads_only_their_team_members(client, case, team_trainer):
    response = report(client, team_trainer, case)
    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    assert response.context["learners"] == 1 and response.context["attempts"] == 1
    assert response.context["decisions"] == 5
    assert "Camille Apprenante" in body and "Camille justifie son choix." in body
    assert "Sacha" not in body
    assert "Ce rapport ne porte que sur les membres des équipes que vous accompagnez." in body
    rows = decisions_csv(client, case)
    assert len(rows) == 6 and {row[1] for row in rows[1:]} == {"Camille Apprenante"}
    d1 = summary_csv(client, case)[1:3]
    assert [(row[3], row[6], row[7]) for row in d1] == [("bon1", "1", "100"), ("mauvais1", "0", "0")]


def test_a_manager_of_the_team_who_is_no_trainer_stays_refused(client, case, learner, manager):
    make_team(members=[learner], manager=manager)
    assert report(client, manager, case).status_code == 403


def test_unrelated_trainer_gets_404_everywhere(client, case, trainer, learner):
    make_team(name="Une autre équipe", members=[make_user(Role.LEARNER)]).trainers.add(trainer)
    assert report(client, trainer, case).status_code == 404
    assert client.get(reverse("cases:report_csv", args=[case.pk])).status_code == 404
    assert client.get(reverse("cases:report_csv", args=[case.pk]) + "?contenu=decisions").status_code == 404
    # The case page does not offer the report either.
    assert reverse("cases:report", args=[case.pk]) not in client.get(case.url).content.decode()


def test_team_trainer_gets_404_until_one_of_their_learners_plays(client, learner, team_trainer):
    case = make_case()
    play_path(make_user(Role.LEARNER), case, PATH)
    assert report(client, team_trainer, case).status_code == 404
    play_path(learner, case, PATH[:2])
    assert report(client, team_trainer, case).status_code == 200
    assert reverse("cases:report", args=[case.pk]) in client.get(case.url).content.decode()


def test_revising_or_owning_pages_gives_no_scope(client, case, trainer):
    """Before explicit assignments, a revision of the case, of a lesson or of a course embedding it opened everyone's
    reasoning: none of them does now."""
    case.save_revision(user=trainer)
    course = make_course(title="Un module écrit par la formatrice", owner=trainer)
    lesson = make_lesson(course, body=[("case", {"case": case, "introduction": "", "required": True})])
    lesson.save_revision(user=trainer)
    course.save_revision(user=trainer)
    assert report(client, trainer, case).status_code == 404


def test_a_course_trainer_of_another_course_reads_nothing_here(client, case, trainer):
    make_course_trainer(trainer, cases=[make_case(title="Un autre cas")])
    assert report(client, trainer, case).status_code == 404


def test_admin_report_button_only_for_reports_the_trainer_may_open(client, case, trainer, course_trainer):
    edit = reverse("wagtailadmin_pages:edit", args=[case.pk])
    link = reverse("cases:report", args=[case.pk])
    client.force_login(trainer)
    assert link not in client.get(edit).content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[case.get_parent().pk])).content.decode()
    assert link not in listing
    client.force_login(course_trainer)
    assert link in client.get(edit).content.decode()
    assert link in client.get(reverse("wagtailadmin_explore", args=[case.get_parent().pk])).content.decode()


def test_team_trainer_report_queries_stay_bounded(client, case, learner, team_trainer, django_assert_max_num_queries):
    url = reverse("cases:report", args=[case.pk])
    client.force_login(team_trainer)
    client.get(url)
    # 19: the figures, plus three aggregates (words per justification, the group profile per phase and per choice).
    with django_assert_max_num_queries(19):
        assert client.get(url).status_code == 200
    team = team_trainer.trained_teams.get()
    for index in range(4):
        member = make_user(Role.LEARNER)
        make_team(team.name, members=[member])
        play_path(member, case, PATH[: index + 1])
    with django_assert_max_num_queries(19):
        response = client.get(url)
    assert response.context["learners"] == 5
