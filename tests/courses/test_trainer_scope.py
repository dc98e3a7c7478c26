"""A trainer's reading scope comes from explicit, audited links (core/scope.py): course trainers, set by lead
trainers and administrators, and team trainers, set by administrators. Saving drafts widens nothing (issue 21,
finding 4)."""

import pytest
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from accounts.permissions import Role
from courses.models import CourseTrainer
from quizzes.models import QuizPage
from reflections.models import JournalEntry
from teams import scope_audit
from tests.cases.test_report import play_path
from tests.factories import (
    make_all_types,
    make_case,
    make_course,
    make_course_trainer,
    make_entry,
    make_lesson,
    make_quiz,
    make_quiz_page,
    make_team,
    make_user,
)
from tests.quizzes.test_results_and_access import take

pytestmark = pytest.mark.django_db

PATH = ["bon1", "bon2", "bon3", "bon4", "bon5"]
COURSE_TRAINERS_URL = "/admin/modules/formateurs/"


def refused(response):
    """Wagtail answers a refused admin view with a redirect to the dashboard and an error message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


@pytest.fixture
def world(learner, other_learner):
    """Two teams of one learner each; a course whose lesson holds a case and a quiz both learners played, and a
    second case and quiz that only team 1 played; shared journal entries of both learners on that course."""
    make_team("Équipe 1", members=[other_learner])
    team_2 = make_team("Équipe 2", members=[learner])
    trainer_2 = make_user(Role.TRAINER, display_name="Formateur de l'équipe 2")
    team_2.trainers.add(trainer_2)
    questions = list(make_all_types().values())
    case, other_case = make_case(title="Le cas du module"), make_case(title="Un cas de l'équipe 1")
    quiz, other_quiz = make_quiz(questions, title="Le quiz du module"), make_quiz(questions, title="Quiz équipe 1")
    make_quiz_page(quiz)
    course = make_course(title="Le module partagé")
    lesson = make_lesson(
        course,
        body=[
            ("case", {"case": case, "introduction": "", "required": True}),
            ("quiz", {"quiz": quiz, "required": True}),
            ("case", {"case": other_case, "introduction": "", "required": True}),
            ("quiz", {"quiz": other_quiz, "required": True}),
        ],
    )
    play_path(learner, case, PATH, "Justification de l'équipe 2.")
    play_path(other_learner, case, PATH, "Justification de l'équipe 1.")
    play_path(other_learner, other_case, PATH, "Seule l'équipe 1 a joué.")
    take(learner, quiz, True)
    take(other_learner, quiz, False)
    take(other_learner, other_quiz, True)
    entries = {
        "team_2": make_entry(learner, shared=True, course=course, html="<p>Entrée de l'équipe 2.</p>"),
        "team_1": make_entry(other_learner, shared=True, course=course, html="<p>Entrée de l'équipe 1.</p>"),
    }
    return {
        "trainer_2": trainer_2,
        "course": course,
        "lesson": lesson,
        "case": case,
        "other_case": other_case,
        "quiz": quiz,
        "other_quiz": other_quiz,
        "entries": entries,
    }


def sees_only_team_2(client, world):
    trainer = world["trainer_2"]
    client.force_login(trainer)
    report = client.get(reverse("cases:report", args=[world["case"].pk]))
    assert report.status_code == 200 and report.context["learners"] == 1
    body = report.content.decode()
    assert "Justification de l&#x27;équipe 2." in body and "équipe 1." not in body
    results = client.get(reverse("quizzes:trainer_report", args=[world["quiz"].pk]))
    assert results.status_code == 200 and results.context["summary"]["count"] == 1
    listed = {quiz.title: quiz.attempt_count for quiz in client.get(reverse("quizzes:trainer_list")).context["quizzes"]}
    assert listed == {"Le quiz du module": 1}
    assert set(JournalEntry.objects.shared_with(trainer)) == {world["entries"]["team_2"]}
    assert client.get(reverse("reflections:detail", args=[world["entries"]["team_1"].pk])).status_code == 404
    shared = client.get(reverse("reflections:shared")).content.decode()
    assert "Entrée de l&#x27;équipe 2." in shared or world["entries"]["team_2"].display_title in shared
    for name in ("cases:report", "cases:report_csv"):
        assert client.get(reverse(name, args=[world["other_case"].pk])).status_code == 404, name
    for name in ("quizzes:trainer_report", "quizzes:report_csv", "quizzes:report_xlsx"):
        assert client.get(reverse(name, args=[world["other_quiz"].pk])).status_code == 404, name


def test_saving_unchanged_drafts_does_not_widen_a_team_trainers_scope(client, world):
    """Failed before explicit assignments: every saved draft made the trainer an author reading everyone."""
    sees_only_team_2(client, world)
    trainer = world["trainer_2"]
    for page in (world["case"], world["other_case"], world["lesson"], world["course"]):
        page.save_revision(user=trainer)
    QuizPage.objects.get(quiz=world["quiz"]).save_revision(user=trainer)
    for quiz in (world["quiz"], world["other_quiz"]):
        log(instance=quiz, action="wagtail.edit", user=trainer)  # what the admin writes when a quiz is re-saved
    trainer = type(trainer).objects.get(pk=trainer.pk)  # a new request: nothing cached on the user object
    world["trainer_2"] = trainer
    sees_only_team_2(client, world)


def test_a_course_trainer_reads_everyone_on_the_course_activities(client, world):
    course_trainer = make_user(Role.TRAINER, display_name="Formatrice du module")
    make_course_trainer(course_trainer, course=world["course"])
    client.force_login(course_trainer)
    assert client.get(reverse("cases:report", args=[world["case"].pk])).context["learners"] == 2
    assert client.get(reverse("cases:report", args=[world["other_case"].pk])).context["learners"] == 1
    results = client.get(reverse("quizzes:trainer_report", args=[world["quiz"].pk]))
    assert results.context["summary"]["count"] == 2
    listed = {quiz.title: quiz.attempt_count for quiz in client.get(reverse("quizzes:trainer_list")).context["quizzes"]}
    assert listed == {"Le quiz du module": 2, "Quiz équipe 1": 1}
    assert set(JournalEntry.objects.shared_with(course_trainer)) == set(world["entries"].values())


def test_a_plain_trainer_cannot_assign_course_trainers(client, trainer):
    course = make_course()
    client.force_login(trainer)
    assert refused(client.get(COURSE_TRAINERS_URL))
    assert refused(client.get(reverse("courses_formateurs:add")))
    assert refused(client.post(reverse("courses_formateurs:add"), {"course": course.pk, "trainer": trainer.pk}))
    assert not CourseTrainer.objects.exists()
    assert COURSE_TRAINERS_URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_lead_trainer_assigns_and_removes_a_course_trainer_with_audit(client, lead_trainer, trainer, admin_user):
    course = make_course()
    client.force_login(lead_trainer)
    assert COURSE_TRAINERS_URL in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.post(reverse("courses_formateurs:add"), {"course": course.pk, "trainer": trainer.pk})
    assert response.status_code == 302 and not refused(response), response.content.decode()[:2000]
    assignment = CourseTrainer.objects.get()
    assert (assignment.course_id, assignment.trainer, assignment.assigned_by) == (course.pk, trainer, lead_trainer)
    added = ModelLogEntry.objects.get(action=scope_audit.COURSE_TRAINER_ADDED)
    assert (
        added.user == lead_trainer and added.data["trainer_id"] == trainer.pk and added.data["course_id"] == course.pk
    )
    # An assignment is added or removed, never edited.
    assert refused(client.get(reverse("courses_formateurs:edit", args=[assignment.pk])))
    response = client.post(reverse("courses_formateurs:delete", args=[assignment.pk]))
    assert response.status_code == 302 and not refused(response)
    assert not CourseTrainer.objects.exists()
    removed = ModelLogEntry.objects.get(action=scope_audit.COURSE_TRAINER_REMOVED)
    assert removed.user == lead_trainer and removed.data["trainer_id"] == trainer.pk
    client.force_login(admin_user)
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Formateur·rice retiré·e du module" in history


@pytest.mark.parametrize("who", ["trainer", "lead_trainer"])
def test_only_administrators_edit_team_trainers(client, request, who, trainer):
    team = make_team()
    client.force_login(request.getfixturevalue(who))
    url = f"/admin/equipes/equipes/edit/{team.pk}/"
    assert refused(client.get(url))
    data = {"organisation": team.organisation_id, "name": team.name, "trainers": [trainer.pk]}
    data.update({"memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"})
    data.update({"memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000"})
    assert refused(client.post(url, data))
    assert not team.trainers.exists()


def test_an_administrator_edits_team_trainers_with_audit(client, admin_user, trainer, lead_trainer):
    team = make_team()
    team.trainers.add(lead_trainer)
    client.force_login(admin_user)
    data = {"organisation": team.organisation_id, "name": team.name, "trainers": [trainer.pk]}
    data.update({"memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"})
    data.update({"memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000"})
    response = client.post(f"/admin/equipes/equipes/edit/{team.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(team.trainers.all()) == [trainer]
    added = ModelLogEntry.objects.get(action=scope_audit.TEAM_TRAINER_ADDED, data__trainer_id=trainer.pk)
    removed = ModelLogEntry.objects.get(action=scope_audit.TEAM_TRAINER_REMOVED)
    assert added.user == admin_user and added.object_id == str(team.pk)
    assert removed.user == admin_user and removed.data["trainer_id"] == lead_trainer.pk


def test_every_team_trainer_change_is_audited_from_either_side(trainer, lead_trainer):
    team = make_team()
    team.trainers.add(trainer)
    lead_trainer.trained_teams.add(team)
    team.trainers.add(trainer)  # already there: no change, no entry
    trainer.trained_teams.remove(team)
    team.trainers.clear()
    entries = ModelLogEntry.objects.filter(action__startswith="collectif.scope.team_trainer").order_by("pk")
    logged = [(entry.action.rsplit("_", 1)[1], entry.data["trainer_id"], entry.object_id) for entry in entries]
    assert logged == [
        ("added", trainer.pk, str(team.pk)),
        ("added", lead_trainer.pk, str(team.pk)),
        ("removed", trainer.pk, str(team.pk)),
        ("removed", lead_trainer.pk, str(team.pk)),
    ]


def test_course_trainer_changes_outside_the_admin_are_audited(trainer, lead_trainer):
    course = make_course()
    assignment = CourseTrainer.objects.create(course=course, trainer=trainer)
    assignment.trainer = lead_trainer
    assignment.save()
    assignment.delete()
    entries = ModelLogEntry.objects.filter(action__startswith="collectif.scope.course_trainer").order_by("pk")
    logged = [(entry.action.rsplit("_", 1)[1], entry.data["trainer_id"]) for entry in entries]
    assert logged == [
        ("added", trainer.pk),
        ("removed", trainer.pk),
        ("added", lead_trainer.pk),
        ("removed", lead_trainer.pk),
    ]
