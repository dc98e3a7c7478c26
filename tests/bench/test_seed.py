"""The bench seed at a tiny scale: it builds every kind of record, runs twice without duplicating, and rebuilds."""

import pytest
from django.core.management import call_command

from bench import seed
from cases.models import CaseAttempt, CaseDecision, CasePage
from courses.models import CoursePage, LessonPage
from progress.models import ActivityResult, Enrolment, LessonActivity, ProgressEvent
from quizzes.models import Question, Quiz
from reflections.models import JournalEntry
from teams.models import AssignedLearner, Membership, Team

pytestmark = pytest.mark.django_db

SCALE = seed.Scale.tiny()


def test_seed_builds_every_kind_of_record_and_the_accounts_log_in(client):
    counts = seed.seed(SCALE, log=lambda line: None)

    learners = SCALE.learners
    assert counts["apprenant·es"] == learners
    assert CoursePage.objects.filter(slug__startswith=seed.COURSE_SLUG).count() == SCALE.courses
    assert LessonPage.objects.filter(slug__startswith="lecon-").live().count() == SCALE.courses * SCALE.lessons
    # Publishing indexed the activity blocks of the lessons (quiz, case, reflection).
    assert LessonActivity.objects.filter(activity_key__startswith="quiz:").count() == SCALE.courses
    assert CasePage.objects.filter(slug__startswith=seed.CASE_SLUG).live().count() == SCALE.cases
    assert all(case.live_revision_id for case in CasePage.objects.filter(slug__startswith=seed.CASE_SLUG))
    assert Question.objects.filter(category__name=seed.CATEGORY).count() == SCALE.questions
    assert Quiz.objects.filter(title__startswith="Mesure").count() == SCALE.courses
    assert Enrolment.objects.filter(user__email__endswith=seed.DOMAIN).count() == learners * SCALE.courses
    assert ActivityResult.objects.count() == ProgressEvent.objects.count() > learners
    attempts = learners * (SCALE.cases - 1 + SCALE.report_case_attempts)
    assert CaseAttempt.objects.count() == attempts
    assert CaseDecision.objects.count() == attempts * len(seed.PHASES)
    assert JournalEntry.objects.count() == SCALE.journal_entries
    big = Team.objects.get(name=seed.BIG_TEAM)
    assert Membership.objects.filter(team=big, role=Membership.Role.MEMBER).count() == learners
    assert AssignedLearner.objects.filter(assignment__team=big).count() == learners * SCALE.courses
    assert Team.objects.filter(organisation__name=seed.ORGANISATION).count() == SCALE.teams

    for email in (seed.LEARNER_EMAIL, seed.MANAGER_EMAIL, seed.TRAINER_EMAIL):
        assert client.login(username=email, password=seed.PASSWORD)
    assert client.get(seed.targets()["lesson"]).status_code == 200  # the bench learner is enrolled


def test_seed_is_idempotent_and_force_rebuilds():
    seed.seed(SCALE, log=lambda line: None)
    assert seed.seed(SCALE, log=lambda line: None) == {}
    assert JournalEntry.objects.count() == SCALE.journal_entries

    counts = seed.seed(SCALE, force=True, log=lambda line: None)
    assert counts["entrées du journal"] == SCALE.journal_entries
    assert JournalEntry.objects.count() == SCALE.journal_entries
    assert CoursePage.objects.filter(slug__startswith=seed.COURSE_SLUG).count() == SCALE.courses


def test_command_prints_targets_and_refuses_a_real_database(settings, capsys, monkeypatch):
    from django.core.management.base import CommandError
    from django.db import connection

    settings.DEBUG = True
    call_command("bench_seed", "--tiny")
    call_command("bench_seed", "--targets")
    out = capsys.readouterr().out
    assert '"big_team"' in out and seed.LEARNER_EMAIL in out
    # Staff pages need TOTP under production settings: the bench's manager and trainer have it.
    from allauth.mfa.models import Authenticator

    staff = {seed.MANAGER_EMAIL, seed.TRAINER_EMAIL}
    assert set(Authenticator.objects.filter(user__email__in=staff).values_list("user__email", flat=True)) == staff

    settings.DEBUG = False
    monkeypatch.setitem(connection.settings_dict, "NAME", "collectif")
    with pytest.raises(CommandError):
        call_command("bench_seed", "--tiny", "--force")
