"""A learner's "Mon espace" is served from the cache, and every change it shows refreshes it at once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core import myspace
from progress import api as progress
from reflections import services as journal
from teams.assigning import assign_courses
from teams.models import Assignment
from tests.factories import complete_given_lessons, make_course, make_entry, make_lesson, make_team

pytestmark = pytest.mark.django_db


def my_space(client):
    return client.get(reverse("my_space")).content.decode()


@pytest.fixture
def course(learner):
    course = make_course(title="Agir avec un groupe")
    lessons = [make_lesson(course, title=f"Leçon {n}") for n in (1, 2)]
    progress.enrol(learner, course)
    return course, lessons


def test_a_second_visit_reads_no_learner_records(client, learner, course, django_assert_max_num_queries):
    client.force_login(learner)
    assert "Agir avec un groupe" in my_space(client)
    with django_assert_max_num_queries(50) as visit:
        html = my_space(client)
    assert "Agir avec un groupe" in html and "0 %" in html
    tables = " ".join(query["sql"] for query in visit.captured_queries)
    assert "progress_enrolment" not in tables and "reflections_journalentry" not in tables


def test_progress_feedback_and_republished_titles_show_at_once(client, learner, trainer, course):
    the_course, (first, _second) = course
    client.force_login(learner)
    assert "0 %" in my_space(client)
    complete_given_lessons(learner, first)
    assert "50 %" in my_space(client)

    entry = make_entry(learner, shared=True)
    assert "Aucun nouveau retour." in my_space(client)
    journal.add_feedback(entry, trainer, plain_text="Belle analyse du rôle du groupe.")
    assert "1 nouveau retour" in my_space(client)
    journal.mark_feedback_read(entry)
    assert "Aucun nouveau retour." in my_space(client)

    the_course.title = "Agir avec un collectif d'habitant·es"
    the_course.save_revision().publish()
    assert "Agir avec un collectif d&#x27;habitant·es" in my_space(client)


def test_a_new_due_date_shows_at_once(client, learner, manager, course):
    the_course, _lessons = course
    team = make_team(manager=manager, members=[learner])
    assign_courses(team, [the_course], timezone.localdate() + timedelta(days=30))
    client.force_login(learner)
    assert "À faire" in my_space(client)
    assignment = Assignment.objects.get(team=team)
    assignment.due_date = timezone.localdate() + timedelta(days=2)
    assignment.save()
    assert "Échéance dans 2 jours" in my_space(client)


def test_only_learners_are_served_from_the_cache(learner, trainer, manager):
    sections = list(myspace._sections.values())
    assert set(myspace.cache_keys(learner, sections)) == {section.key for section in sections}
    assert myspace.cache_keys(trainer, sections) == {} and myspace.cache_keys(manager, sections) == {}


def test_a_change_redraws_only_the_sections_that_show_it(learner, course):
    sections = list(myspace._sections.values())
    before = myspace.cache_keys(learner, sections)
    make_entry(learner)
    after = myspace.cache_keys(learner, sections)
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {"journal"}  # the team journal keys on its teams' token, not on personal entries
    the_course, (first, _second) = course
    complete_given_lessons(learner, first)
    again = myspace.cache_keys(learner, sections)
    assert {key for key in after if after[key] != again[key]} == {"courses", "teams-assignments", "teams-certificates"}
