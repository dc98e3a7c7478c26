"""Site-wide search (issue 24): modules, lessons, cases and quiz pages a learner can open, nothing else."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.factories import make_case, make_course, make_lesson, make_many_lessons, make_quiz, make_quiz_page

pytestmark = pytest.mark.django_db


def search(client, query, **params):
    return client.get(reverse("search"), {"q": query, **params})


def result_titles(response):
    return [result["page"].title for result in response.context["results"]]


def test_finds_a_case_a_module_and_a_lesson_with_its_module(client, learner):
    course = make_course(title="Agir avec des locataires", summary="Un module sur les charges locatives.")
    make_lesson(course, title="Préparer la réunion des locataires", summary="Le lieu, l'heure, l'ordre du jour.")
    make_case(title="Les Tilleuls", summary="Des locataires face à une régularisation de charges.")
    client.force_login(learner)

    response = search(client, "locataires")

    assert response.status_code == 200
    assert set(result_titles(response)) == {
        "Agir avec des locataires",
        "Préparer la réunion des locataires",
        "Les Tilleuls",
    }
    page = response.content.decode()
    assert "Cas pratique" in page and "module « Agir avec des locataires »" in page


def test_finds_a_quiz_page_by_its_introduction(client, learner):
    make_quiz_page(make_quiz(), title="Repères de l'ISIC", intro="Vérifier ses repères sur le diagnostic partagé.")
    client.force_login(learner)

    assert result_titles(search(client, "diagnostic")) == ["Repères de l'ISIC"]


def test_drafts_and_restricted_pages_are_not_found(client, learner):
    make_case(title="Cas en brouillon sur les locataires", live=False)
    restricted = make_course(title="Module réservé aux locataires")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(learner)

    assert result_titles(search(client, "locataires")) == []
    assert "Aucun module, leçon, cas pratique ou quiz ne correspond" in search(client, "locataires").content.decode()


def test_too_short_and_too_long_queries_get_a_clear_message(client, learner):
    client.force_login(learner)

    short = search(client, "a")
    assert short.status_code == 200
    assert "Tapez au moins 2 caractères." in short.content.decode()
    assert 'aria-invalid="true"' in short.content.decode()
    assert "trop longue" in search(client, "x" * 201).content.decode()


def test_english_interface_speaks_english(client, learner):
    learner.preferred_language = "en"
    learner.save(update_fields=["preferred_language"])
    client.force_login(learner)
    response = search(client, "a")
    assert "Type at least 2 characters." in response.content.decode()


def test_anonymous_visitors_are_sent_to_login(client):
    assert search(client, "locataires").status_code == 302


def test_results_are_paginated_in_a_bounded_number_of_queries(client, learner, django_assert_max_num_queries):
    course = make_course(title="Réunions")
    make_many_lessons(course, 45)
    client.force_login(learner)
    with django_assert_max_num_queries(20):
        response = search(client, "Leçon")
    assert len(response.context["results"]) == 20
    assert response.context["page_obj"].paginator.count == 45
    assert len(result_titles(search(client, "Leçon", page=3))) == 5
