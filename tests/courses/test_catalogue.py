"""Catalogue filters and search, and query counts that do not grow with courses or lessons."""

import pytest
from django.db import connection
from django.urls import reverse

from core.models import CompetenceDomain
from courses.models import CoursePage
from progress import api as progress
from tests.factories import (
    complete_given_lessons,
    make_catalogue,
    make_course,
    make_lesson,
    make_many_courses,
    make_many_lessons,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return [course.title for course, _card, _summary in response.context["course_cards"]]


def overridden(minutes):
    """Durations are computed from lessons; these courses have none, so an author imposes the figure."""
    return {"duration_override_minutes": minutes, "duration_override_reason": "Séance en présentiel"}


@pytest.fixture
def three_courses():
    dc1, dc4 = CompetenceDomain.objects.get(code="DC1"), CompetenceDomain.objects.get(code="DC4")
    short = make_course(title="Travailler en réseau", **overridden(45), domains=[dc4])
    medium = make_course(
        title="Animer un collectif", **overridden(120), level=CoursePage.Level.DEEPENING, domains=[dc1]
    )
    long = make_course(title="Conduire une évaluation", **overridden(240), level=CoursePage.Level.EXPERT)
    make_lesson(long, "Mesurer les effets", body=[("rich_text", "<p>Une évaluation partagée avec le groupe.</p>")])
    return short, medium, long


def test_filters_by_domain_level_and_duration(client, three_courses):
    assert titles(client.get("/formations/")) == [
        "Animer un collectif",
        "Conduire une évaluation",
        "Travailler en réseau",
    ]
    assert titles(client.get("/formations/", {"domaine": "DC4"})) == ["Travailler en réseau"]
    assert titles(client.get("/formations/", {"niveau": "approfondissement"})) == ["Animer un collectif"]
    assert titles(client.get("/formations/", {"duree": "court"})) == ["Travailler en réseau"]
    assert titles(client.get("/formations/", {"duree": "moyen"})) == ["Animer un collectif"]
    assert titles(client.get("/formations/", {"duree": "long"})) == ["Conduire une évaluation"]
    html = client.get("/formations/", {"duree": "long", "niveau": "decouverte"}).content.decode()
    assert "Aucune formation ne correspond" in html and "Effacer les filtres" in html


def test_filter_form_is_labelled_and_invalid_values_are_explained(client, three_courses):
    response = client.get("/formations/", {"niveau": "inconnu"})
    html = response.content.decode()
    assert response.status_code == 200
    for field in ("q", "domaine", "niveau", "duree"):
        assert f'for="id_{field}"' in html
    assert "errorlist" in html


def test_search_finds_exact_words_in_courses_and_lessons(client, three_courses):
    assert titles(client.get("/formations/", {"q": "réseau"})) == ["Travailler en réseau"]
    # A lesson that matches brings its course.
    assert titles(client.get("/formations/", {"q": "partagée"})) == ["Conduire une évaluation"]
    assert titles(client.get("/formations/", {"q": "évaluation", "duree": "court"})) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="French stemming and unaccent need PostgreSQL")
def test_search_on_postgresql_stems_french_and_ignores_accents(client, three_courses):
    assert "Animer un collectif" in titles(client.get("/formations/", {"q": "collectifs"}))
    assert titles(client.get("/formations/", {"q": "evaluation"})) == ["Conduire une évaluation"]
    assert titles(client.get("/formations/", {"q": "evaluations partagees"})) == ["Conduire une évaluation"]


def test_catalogue_shows_the_learner_status_per_course(client, learner, three_courses):
    short, medium, _long = three_courses
    lesson = make_lesson(short, "Seule leçon")
    progress.enrol(learner, short)
    progress.enrol(learner, medium)
    complete_given_lessons(learner, lesson)
    client.force_login(learner)
    html = client.get("/formations/").content.decode()
    assert "Terminé" in html and "Inscrit·e · 0 %" in html


def test_catalogue_of_200_courses_in_bounded_queries(client, learner, django_assert_max_num_queries):
    courses = make_many_courses(200)
    for course in courses[:30]:
        make_many_lessons(course, 2)
        progress.enrol(learner, course)
    courses[1].prerequisites = [courses[0]]
    courses[1].save()
    client.force_login(learner)
    with django_assert_max_num_queries(30):
        response = client.get("/formations/")
    assert response.status_code == 200 and response.context["page_obj"].paginator.count == 200
    with django_assert_max_num_queries(30):
        client.get("/formations/", {"page": 9, "niveau": "decouverte"})


def test_course_page_with_40_lessons_in_bounded_queries(client, learner, django_assert_max_num_queries):
    course = make_course(sequencing=CoursePage.Sequencing.LINEAR)
    lessons = make_many_lessons(course, 40)
    progress.enrol(learner, course)
    complete_given_lessons(learner, *lessons[:10])
    client.force_login(learner)
    with django_assert_max_num_queries(25):
        response = client.get(course.url)
    html = response.content.decode()
    assert html.count('class="lesson-list__item') == 40 and "<strong>25 %</strong>" in html
    # Routing through the page tree and the first visit's "started" event included; nothing per lesson.
    with django_assert_max_num_queries(40):
        assert client.get(lessons[10].url).status_code == 200


def test_my_space_in_bounded_queries(client, learner, django_assert_max_num_queries):
    for course in make_many_courses(25):
        lessons = make_many_lessons(course, 4)
        progress.enrol(learner, course)
        complete_given_lessons(learner, lessons[0])
    client.force_login(learner)
    with django_assert_max_num_queries(30):
        response = client.get(reverse("my_space"))
    html = response.content.decode()
    # "Mon espace" shows the six most recent courses in progress and links to the full list.
    assert html.count("Prochaine étape") == 6 and "Voir toutes mes formations (25)" in html
    with django_assert_max_num_queries(30):
        response = client.get(reverse("courses:my_courses"))
    html = response.content.decode()
    assert html.count("Prochaine étape") == 20 and "En cours (25)" in html and "Page 1 sur 2" in html
    html = client.get(reverse("courses:my_courses"), {"page": 2}).content.decode()
    assert html.count("Prochaine étape") == 5


def test_catalogue_address_follows_the_catalogue_page(client):
    catalogue = make_catalogue()
    assert client.get("/formations/").status_code == 200
    catalogue.slug = "catalogue"
    catalogue.save_revision().publish()
    response = client.get("/formations/")
    assert response.status_code == 302 and response["Location"] == "/catalogue/"
    catalogue.unpublish()
    assert client.get("/formations/").status_code == 404
