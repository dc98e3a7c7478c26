"""What each app's demo loader leaves behind, with the demo loaded once for the package (see conftest.py)."""

import html

import pytest
from django.urls import reverse

from accounts.models import User
from cases.models import CasePage
from debrief.models import LiveSession, Vote
from home.models import StandardPage
from progress.models import Enrolment
from quizzes.models import Attempt, Question, QuizPage
from reflections.models import Feedback, JournalEntry
from teams.models import Membership, Team
from tests.demo.conftest import PRE_EXISTING_COURSE

pytestmark = pytest.mark.django_db


def test_demo_accounts_and_a_course_written_before_the_demo(demo):
    assert User.objects.filter(email="formatrice@demo.collectif.test").exists()
    course = demo["pre_existing_course"]
    course.refresh_from_db()
    assert course.title == PRE_EXISTING_COURSE and course.get_children().count() == 2


def test_demo_teams_assignments_and_progress(demo):
    manager = User.objects.get(email="responsable@demo.collectif.test")
    assert Team.objects.visible_to(manager).count() == 3
    assert Membership.objects.filter(role="member").count() >= 40
    assert Enrolment.objects.filter(completed_at__isnull=False).exists()


def test_the_demo_case_renders(demo, client, learner):
    case = CasePage.objects.get(slug="impayes-energie-residence-les-tilleuls")
    assert case.live and {d.code for d in case.domains.all()} == {"DC1", "DC4"}
    client.force_login(learner)
    body = html.unescape(client.get(case.url).content.decode())
    assert "Mme Diallo" in body and "Les personnes et les partenaires" in body
    assert CasePage.objects.count() >= 6


def test_demo_quizzes_cover_every_type_and_their_pages_render(demo, client, learner):
    assert Question.objects.count() >= 30 and QuizPage.objects.count() == 8
    assert set(Question.objects.values_list("qtype", flat=True)) == {
        "single",
        "multiple",
        "true_false",
        "matching",
        "ordering",
        "short_answer",
        "likert",
        "sjt",
    }
    for question in Question.objects.all():
        assert question.explanation or question.feedback_correct
    client.force_login(learner)
    for page in QuizPage.objects.live():
        assert client.get(page.url).status_code == 200
        client.post(reverse("quizzes:start", args=[page.quiz_id]))
    for attempt in Attempt.objects.filter(user=learner):
        assert client.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 200


def test_demo_session_is_finished_with_votes_and_comments(demo, client):
    session = LiveSession.objects.get(code="DEBRF5")
    assert session.is_ended and session.trainer.email == "formatrice@demo.collectif.test"
    assert session.participants.count() == 12 and LiveSession.objects.count() == 1
    decisions = session.steps.filter(is_ending=False)
    assert decisions.count() >= 3
    for step in decisions:
        assert step.votes.count() == 12 and step.chosen_key
    assert Vote.objects.filter(session=session).exclude(comment="").count() >= 3
    client.force_login(session.trainer)
    page = client.get(f"/seance/{session.code}/bilan/")
    assert page.status_code == 200 and "Commentaires anonymes" in page.content.decode()


def test_demo_journal_entries_and_feedback(demo, client):
    learner = User.objects.get(email="apprenante@demo.collectif.test")
    trainer = User.objects.get(email="formatrice@demo.collectif.test")
    entries = JournalEntry.objects.filter(author=learner)
    assert entries.count() == 3
    assert entries.filter(shared_at__isnull=False, feedback__isnull=True).count() == 1
    assert entries.filter(feedback__author=trainer).count() == 1
    assert Feedback.objects.count() == 1
    client.force_login(learner)
    for entry in entries:
        assert client.get(reverse("reflections:detail", args=[entry.pk])).status_code == 200
    client.force_login(trainer)
    assert client.get(reverse("reflections:shared")).content.decode().count("/journal/") >= 2


def test_demo_institutional_pages_render_and_are_in_the_footer(demo, client):
    slugs = set(StandardPage.objects.live().values_list("slug", flat=True))
    assert {"a-propos", "accessibilite", "mentions-legales", "confidentialite"} <= slugs
    home = client.get("/").content.decode()
    assert "Déclaration d&#x27;accessibilité" in home or "Déclaration d'accessibilité" in home
    for page in StandardPage.objects.live():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    statement = client.get(StandardPage.objects.get(slug="accessibilite").url).content.decode()
    assert "<b>non conforme</b>" in statement and "partiellement conforme" not in statement
    assert "Défenseur des droits" in statement and "H5P" in statement and "axe-core" in statement


def test_privacy_page_names_the_configurable_controller_and_what_the_code_does(demo, client):
    from wagtail.models import Site

    from home.models import DEMO_CONTROLLER, DataControllerSettings

    page = StandardPage.objects.get(slug="confidentialite")
    html = client.get(page.url).content.decode()
    assert "Responsable du traitement" in html and DEMO_CONTROLLER in html
    for promised in ("90 jours", "LRS", "justifications", "CNIL", "YouTube", "Cookies"):
        assert promised in html, promised
    # No purge of inactive accounts exists yet: the page must not promise one.
    assert "trois ans après la dernière connexion" not in html

    controller = DataControllerSettings.for_site(Site.objects.get(is_default_site=True))
    controller.name, controller.contact_email = "CCAS de Démoville", "rgpd@demoville.example"
    controller.save()
    html = client.get(page.url).content.decode()
    assert "CCAS de Démoville" in html and "mailto:rgpd@demoville.example" in html


def test_a_corrected_demo_case_reaches_an_existing_demo_but_never_a_trainers_edit(demo, admin_user):
    from cases import demo as cases_demo
    from cases.demo import tilleuls
    from cases.publishing import publish_case

    case = CasePage.objects.get(slug=tilleuls.SLUG)
    case.situation = "<p>Ancienne version, écrite avant la correction.</p>"
    publish_case(case)  # by code: the demo may bring it up to date
    cases_demo.load()
    case = CasePage.objects.get(slug=tilleuls.SLUG)
    assert case.situation == tilleuls.CASE["situation"]
    revisions = case.revisions.count()
    cases_demo.load()
    assert case.revisions.count() == revisions

    case.situation = "<p>Version adaptée par une formatrice.</p>"
    publish_case(case, user=admin_user)
    cases_demo.load()
    assert CasePage.objects.get(slug=tilleuls.SLUG).situation == "<p>Version adaptée par une formatrice.</p>"
