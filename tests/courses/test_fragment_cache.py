"""Fragment caching of lessons and catalogue cards: shared content is cached per published version and
refreshed on publish; what belongs to one learner (activity status, progress badges) is never shared."""

import json

import pytest
from django.utils.html import escape

from core.models import CompetenceDomain
from progress import api as progress
from progress.models import Status
from tests.factories import make_case, make_course, make_lesson, make_user

pytestmark = pytest.mark.django_db


def _republish(page, **changes):
    page = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def sql_of_next_visit(client, url, django_assert_max_num_queries):
    """The SQL run by one more visit of the page (to check what now comes from the cache)."""
    with django_assert_max_num_queries(50) as visit:
        client.get(url)
    return " ".join(query["sql"] for query in visit.captured_queries)


def test_lesson_body_is_cached_until_the_lesson_is_published_again(client, learner):
    course = make_course()
    lesson = make_lesson(course, body=[("rich_text", "<p>Première version du texte.</p>")])
    progress.enrol(learner, course)
    client.force_login(learner)
    assert "Première version du texte." in client.get(lesson.url).content.decode()

    # A change that bypasses publishing is not seen: the body comes from the cache.
    type(lesson).objects.filter(pk=lesson.pk).update(
        body=json.dumps([{"type": "rich_text", "value": "<p>Changement hors publication.</p>"}])
    )
    html = client.get(lesson.url).content.decode()
    assert "Première version du texte." in html and "Changement hors publication." not in html

    # Publishing a new version changes the cache key: the new text shows at once.
    _republish(lesson, body=json.dumps([{"type": "rich_text", "value": "<p>Seconde version publiée.</p>"}]))
    html = client.get(lesson.url).content.decode()
    assert "Seconde version publiée." in html and "Première version du texte." not in html


def test_activity_blocks_show_each_learner_their_own_status(client, learner):
    case = make_case(title="Cas du quartier")
    course = make_course()
    lesson = make_lesson(
        course,
        body=[
            ("rich_text", "<p>Avant le cas.</p>"),
            ("case", {"case": case, "introduction": "Jouez le cas.", "required": True}),
        ],
    )
    other = make_user(display_name="Autre apprenant")
    for person in (learner, other):
        progress.enrol(person, course)
    progress.record_activity(learner, case.activity_key, Status.COMPLETED, score=0.8)

    client.force_login(learner)
    assert "Statut : terminé" in client.get(lesson.url).content.decode()
    client.force_login(other)
    html = client.get(lesson.url).content.decode()
    assert "Avant le cas." in html and "Statut : terminé" not in html and "Commencer le cas" in html


def test_catalogue_card_shows_the_new_title_once_the_course_is_published(client, learner):
    course = make_course(title="Titre initial")
    catalogue = course.get_parent()
    client.force_login(learner)
    assert "Titre initial" in client.get(catalogue.url).content.decode()

    type(course).objects.filter(pk=course.pk).update(summary="Résumé modifié hors publication.")
    assert "Résumé modifié hors publication." not in client.get(catalogue.url).content.decode()

    _republish(course, title="Titre republié", summary="Résumé publié.")
    html = client.get(catalogue.url).content.decode()
    assert "Titre republié" in html and "Résumé publié." in html and "Titre initial" not in html


def test_catalogue_cards_come_from_the_cache_and_follow_domain_changes(
    client, learner, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    dc2 = CompetenceDomain.objects.get(code="DC2")
    for number in range(3):
        make_course(title=f"Module {number}", domains=[dc2])
    client.force_login(learner)
    assert f'title="{escape(dc2.name)}"' in client.get("/formations/").content.decode()
    # Drawn once: the next reader gets the cards without the courses' domains being read again.
    assert "courses_coursepage_domains" not in sql_of_next_visit(client, "/formations/", django_assert_max_num_queries)
    with django_capture_on_commit_callbacks(execute=True):
        dc2.name = "Communication professionnelle et travail en réseau"
        dc2.save()
    html = client.get("/formations/").content.decode()
    assert html.count('title="Communication professionnelle et travail en réseau"') == 3


def test_course_outline_is_cached_and_follows_publishing(client, learner, django_assert_max_num_queries):
    course = make_course(title="Module au plan mis en cache")
    first = make_lesson(course, title="Première leçon")
    progress.enrol(learner, course)
    client.force_login(learner)
    assert "Première leçon" in client.get(course.url).content.decode()
    next_visit = sql_of_next_visit(client, course.url, django_assert_max_num_queries)
    assert "courses_coursepage_prerequisites" not in next_visit

    make_lesson(course, title="Leçon ajoutée")
    html = client.get(course.url).content.decode()
    assert "Première leçon" in html and "Leçon ajoutée" in html and "0/2 leçons terminées" in html
    first.unpublish()
    html = client.get(course.url).content.decode()
    assert "Première leçon" not in html and "0/1 leçons terminées" in html
    _republish(first, title="Première leçon, revue")
    assert "Première leçon, revue" in client.get(course.url).content.decode()


def test_a_learners_progress_is_cached_until_they_record_something(client, learner, django_assert_max_num_queries):
    course = make_course(title="Module suivi")
    first = make_lesson(course, title="Première leçon")
    make_lesson(course, title="Seconde leçon")
    progress.enrol(learner, course)
    client.force_login(learner)
    assert "0/2 leçons terminées" in client.get(course.url).content.decode()
    assert "progress_activityresult" not in sql_of_next_visit(client, course.url, django_assert_max_num_queries)
    progress.record_activity(learner, first.activity_key, Status.COMPLETED)
    assert "1/2 leçons terminées" in client.get(course.url).content.decode()
