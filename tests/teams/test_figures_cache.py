"""The dashboard's team-wide figures are cached; each kind of change that they count shows at once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import CompetenceDomain
from teams.assigning import add_member, assign_courses
from teams.models import Assignment
from teams.scope import members
from tests.factories import complete_lessons, make_course, make_lesson, make_user

pytestmark = pytest.mark.django_db


def overview(client, team):
    return client.get(reverse("teams:dashboard", args=[team.pk])).context["overview"]


@pytest.fixture
def dashboard(client, manager, team, course):
    assign_courses(team, [course], timezone.localdate() + timedelta(days=10))
    client.force_login(manager)
    return lambda: overview(client, team)


def test_figures_are_served_from_the_cache_until_something_changes(
    client, team, dashboard, django_assert_max_num_queries
):
    first = dashboard()
    with django_assert_max_num_queries(100) as warm:
        again = client.get(reverse("teams:dashboard", args=[team.pk]))
    assert again.context["overview"] == first
    # Asked again with nothing changed: none of the team-wide aggregates runs (the matrix page still does).
    assert not any("COUNT(DISTINCT" in query["sql"] for query in warm.captured_queries)


def test_a_course_completion_updates_the_figures(team, course, dashboard, django_capture_on_commit_callbacks):
    assert dashboard()["completed"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        complete_lessons(members(team).first(), course)
    assert dashboard()["completed"] == 1


def test_a_new_member_and_a_new_assignment_update_the_figures(
    team, course, dashboard, django_capture_on_commit_callbacks
):
    assert dashboard() == {"members": 3, "assigned": 3, "completed": 0, "overdue": 0}
    with django_capture_on_commit_callbacks(execute=True):
        add_member(team, make_user(display_name="Nouvelle recrue"))
    assert dashboard()["members"] == 4 and dashboard()["assigned"] == 4
    other = make_course(title="Animer une réunion publique")
    make_lesson(other)
    with django_capture_on_commit_callbacks(execute=True):
        assign_courses(team, [other], timezone.localdate() - timedelta(days=1))
    assert dashboard()["assigned"] == 8 and dashboard()["overdue"] == 4
    with django_capture_on_commit_callbacks(execute=True):
        Assignment.objects.filter(course=other).delete()
    assert dashboard()["assigned"] == 4 and dashboard()["overdue"] == 0


def test_renamed_domain_and_republished_course_show_their_new_names(
    client, manager, team, course, dashboard, django_capture_on_commit_callbacks
):
    dashboard()
    with django_capture_on_commit_callbacks(execute=True):
        CompetenceDomain.objects.filter(code="DC1").update(name="ignored: update() sends no signal")
        domain = CompetenceDomain.objects.get(code="DC1")
        domain.name = "Intervention sociale d'intérêt collectif"
        domain.save()
    course.title = "Mener un diagnostic partagé avec les habitant·es"
    course.save_revision().publish()
    html = client.get(reverse("teams:dashboard", args=[team.pk])).content.decode()
    assert "Intervention sociale d&#x27;intérêt collectif" in html
    assert "Mener un diagnostic partagé avec les habitant·es" in html
