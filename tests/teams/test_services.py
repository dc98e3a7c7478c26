from datetime import timedelta

import pytest
from django.utils import timezone

from progress.models import Enrolment
from teams.assigning import add_member, assign_courses
from teams.matrix import CellStatus, assigned_courses, build_rows, members_queryset
from teams.models import AssignedLearner, Membership, Team
from teams.scope import members
from tests.factories import complete_lessons, make_team, make_user

pytestmark = pytest.mark.django_db


def test_assignment_enrols_members_and_newcomers(team, course, manager):
    due = timezone.localdate() + timedelta(days=10)
    (assignment,) = assign_courses(team, [course], due, created_by=manager)
    assert set(assignment.learners.all()) == set(members(team))
    assert Enrolment.objects.filter(course_id=course.pk, source=Enrolment.Source.ASSIGNMENT).count() == 3
    newcomer = make_user()
    add_member(team, newcomer)
    assert AssignedLearner.objects.filter(assignment=assignment, user=newcomer).exists()


def test_assignment_to_chosen_members_only(team, course):
    chosen = list(members(team))[:1]
    (assignment,) = assign_courses(team, [course], timezone.localdate(), learners=chosen)
    assert list(assignment.learners.all()) == chosen
    add_member(team, make_user())
    assert assignment.learners.count() == 1


def test_manager_sees_only_their_teams(manager):
    mine = make_team(name="A", manager=manager)
    make_team(name="B", manager=make_user())
    assert list(Team.objects.visible_to(manager)) == [mine]
    assert Membership.objects.filter(team=mine, role="manager").count() == 1


def test_matrix_statuses_and_filters(team, course):
    people = list(members(team).order_by("pk"))
    due = timezone.localdate() + timedelta(days=5)
    assign_courses(team, [course], due)
    complete_lessons(people[0], course)  # finished
    complete_lessons(people[1], course, count=1)  # half-way
    courses = assigned_courses(team)
    rows = {row.member: row for row in build_rows(team, members_queryset(team), courses)}
    assert rows[people[0]].cells[0].status == CellStatus.COMPLETED
    assert rows[people[0]].cells[0].percent == 100
    assert rows[people[1]].cells[0].status == CellStatus.IN_PROGRESS
    assert rows[people[1]].cells[0].percent == 50
    assert rows[people[2]].cells[0].status == CellStatus.NOT_STARTED
    assert list(members_queryset(team, status=CellStatus.COMPLETED)) == [people[0]]
    assert list(members_queryset(team, status=CellStatus.IN_PROGRESS)) == [people[1]]
    assert list(members_queryset(team, status=CellStatus.NOT_STARTED)) == [people[2]]
    later = timezone.localdate() + timedelta(days=6)
    assert set(members_queryset(team, status=CellStatus.OVERDUE, today=later)) == {people[1], people[2]}
    assert list(members_queryset(team, sort="avancement"))[0] == people[0]
    assert list(members_queryset(team, sort="activite"))[0] in (people[0], people[1])
