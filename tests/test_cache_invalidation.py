"""Every model that feeds a cached page is declared in core.invalidation, and a write through each public action
refreshes what a person sees: the page is requested, the action is taken, the page is requested again."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db.models import signals
from django.db.models.deletion import Collector
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cases import play
from core import invalidation, myspace
from progress import api as progress
from quizzes.models import Attempt
from reflections import services as journal
from teamjournal import journal as team_journal
from teams.assigning import assign_courses
from teams.models import Assignment, LoginRecord
from tests.factories import (
    make_all_types,
    make_case,
    make_course,
    make_entry,
    make_lesson,
    make_practice_session,
    make_quiz,
    make_quiz_page,
    make_team,
)
from tests.quizzes.helpers import answer_fields

pytestmark = pytest.mark.django_db

# The records the cached pages show, as known when this test was written: a new one must be declared too.
KNOWN = {
    "accounts.notice",
    "progress.enrolment",
    "progress.activityresult",
    "cases.caseattempt",
    "quizzes.attempt",
    "quizzes.quiz",
    "teams.membership",
    "teams.certificate",
    "teams.assignment",
    "teams.assignedlearner",
    "reflections.journalentry",
    "reflections.feedback",
    "teamjournal.practicesession",
    "teamjournal.contribution",
    "courses.coursepage",
    "courses.lessonpage",
    "core.competencedomain",
}


def my_space(client):
    return client.get(reverse("my_space")).content.decode()


def test_the_registry_covers_every_model_known_to_feed_a_cached_page():
    declared = {watched.model._meta.label_lower for watched in invalidation.registry()}
    assert declared >= KNOWN
    assert {get_image_model()._meta.label_lower, get_document_model()._meta.label_lower} <= declared


def test_every_declared_model_has_its_own_receivers_or_names_the_service_that_refreshes_it():
    for watched in invalidation.registry():
        has_receivers = signals.post_save.has_listeners(watched.model) and signals.post_delete.has_listeners(
            watched.model
        )
        assert has_receivers or watched.written_by, watched


def test_every_myspace_section_reads_tokens_that_some_model_drops():
    dropped = {w.token for w in invalidation.registry() if invalidation.MYSPACE in w.pages}
    for section in myspace._sections.values():
        assert set(section.reads) | set(section.team_reads) <= dropped, section.key


def test_a_model_that_feeds_no_cache_keeps_fast_delete(learner):
    """No receiver is connected without a sender: Django deletes uncached rows in one query, with no signal."""
    for model in (LoginRecord, apps.get_model("progress", "TimeSpent")):
        assert not signals.post_delete.has_listeners(model) and not signals.pre_delete.has_listeners(model)
    LoginRecord.objects.create(user=learner)
    assert Collector(using="default").can_fast_delete(LoginRecord.objects.filter(user=learner))


def test_a_submitted_quiz_shows_its_score_at_once(client, learner):
    """submit_attempt writes with UPDATE and bulk_create: no post_save, so it drops the learner's token itself."""
    types = make_all_types()
    quiz = make_quiz([types["single"]], title="Quiz des repères", pass_mark=50)
    make_quiz_page(quiz)
    client.force_login(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner, quiz=quiz)
    assert "Quiz des repères" not in my_space(client)  # started, not submitted: not listed yet
    client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", **answer_fields(attempt)})
    html = my_space(client)
    assert "Quiz des repères" in html and "100 %" in html


def test_a_finished_case_shows_at_once(client, learner):
    case = make_case(title="Le local associatif")
    client.force_login(learner)
    assert "Le local associatif" not in my_space(client)
    play.start_attempt(learner, case)
    assert "Le local associatif" in my_space(client)


def test_a_team_contribution_shows_to_every_member_with_one_cache_call(
    client, learner, other_learner, manager, django_capture_on_commit_callbacks
):
    team = make_team(manager=manager, members=[learner, other_learner])
    session = make_practice_session(team, opened_by=manager, title="Premières rencontres")
    client.force_login(learner)
    assert "Premières rencontres" in my_space(client) and "0 message" in my_space(client)
    with django_capture_on_commit_callbacks() as callbacks:
        team_journal.contribute(session, other_learner, "<p>Un voisin est venu avec sa fille.</p>")
    assert len(callbacks) <= 2  # one team token (and the contributor's own), not one per member
    assert "1 message" in my_space(client)


def test_feedback_and_new_entries_show_at_once(client, learner, trainer):
    client.force_login(learner)
    assert "Aucun nouveau retour." in my_space(client)
    entry = make_entry(learner, shared=True)
    journal.add_feedback(entry, trainer, plain_text="Très juste.")
    assert "1 nouveau retour" in my_space(client)


def test_a_due_date_for_the_whole_team_shows_at_once(client, learner, manager):
    course = make_course(title="Animer une réunion")
    make_lesson(course)
    team = make_team(manager=manager, members=[learner])
    client.force_login(learner)
    my_space(client)
    assign_courses(team, [course], timezone.localdate() + timedelta(days=30))
    assert "Animer une réunion" in my_space(client)
    assignment = Assignment.objects.get(team=team)
    assignment.due_date = timezone.localdate() + timedelta(days=3)
    assignment.save()
    assert "Échéance dans 3 jours" in my_space(client)


def test_a_module_assigned_to_one_learner_shows_its_notice_at_once(client, learner, other_learner, manager):
    """assign_courses writes notices with bulk_create: it drops each concerned learner's "accounts" token itself."""
    course = make_course(title="Conduire un entretien")
    make_lesson(course)
    team = make_team(manager=manager, members=[learner, other_learner])
    client.force_login(learner)
    assert "Mes avis" not in my_space(client)
    assign_courses(team, [course], timezone.localdate() + timedelta(days=30), learners=[learner])
    html = my_space(client)
    assert "Mes avis" in html and "Module à suivre : « Conduire un entretien »" in html and "Nouveau" in html
    assert "Nouveau" not in my_space(client)  # shown once: read, and the section is redrawn


def test_a_replaced_document_shows_in_the_cached_lesson_body(client, learner):
    Document = get_document_model()
    document = Document.objects.create(title="Guide", file=ContentFile(b"%PDF-1.4 guide", name="guide.pdf"))
    course = make_course(title="Animer une réunion")
    lesson = make_lesson(course, body=[("document", {"document": document, "title": "Le guide", "description": ""})])
    progress.enrol(learner, course)
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert "Le guide" in html and "(PDF" in html
    document.file = ContentFile(b"a,b\n1,2\n", name="tableau.csv")
    document.save()
    html = client.get(lesson.url).content.decode()
    assert "(CSV" in html and "(PDF" not in html
