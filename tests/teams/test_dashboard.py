import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import User
from accounts.permissions import Role
from core.models import CompetenceDomain
from progress.models import Enrolment, TimeSpent
from teams.assigning import assign_courses
from teams.models import AssignedLearner, Assignment, Membership
from teams.scope import members
from tests.factories import complete_lessons, make_course, make_lesson, make_team, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(team, course):
    people = list(members(team).order_by("pk"))
    assign_courses(team, [course], timezone.localdate() + timedelta(days=10))
    complete_lessons(people[0], course)
    complete_lessons(people[1], course, count=1)
    return people


def urls_for(team, member, course):
    return [
        reverse("teams:dashboard", args=[team.pk]),
        reverse("teams:matrix_export", args=[team.pk, "csv"]),
        reverse("teams:matrix_export", args=[team.pk, "xlsx"]),
        reverse("teams:member", args=[team.pk, member.pk]),
        reverse("teams:member_export", args=[team.pk, member.pk, "csv"]),
        reverse("teams:member_export", args=[team.pk, member.pk, "xlsx"]),
        reverse("teams:member_evidence", args=[team.pk, member.pk, course.pk, "pdf"]),
        reverse("teams:member_evidence", args=[team.pk, member.pk, course.pk, "xlsx"]),
        reverse("teams:invite", args=[team.pk]),
        reverse("teams:import", args=[team.pk]),
        reverse("teams:assign", args=[team.pk]),
    ]


def test_dashboard_shows_numbers_and_charts(client, manager, team, course, assigned):
    client.force_login(manager)
    response = client.get(reverse("teams:dashboard", args=[team.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Terminé" in html and "En cours" in html and "Non commencé" in html
    assert "50 %" in html and "100 %" in html
    per_course = response.context["per_course"]
    assert per_course[0]["assigned"] == 3 and per_course[0]["completed"] == 1 and per_course[0]["percent"] == 33
    assert sum(r["completed"] for r in response.context["over_time"]) == 1
    assert response.context["overview"] == {"members": 3, "assigned": 3, "completed": 1, "overdue": 0}
    assert html.count("<svg") == 3 and html.count("<caption>") >= 4
    filtered = client.get(reverse("teams:dashboard", args=[team.pk]), {"status": "completed"})
    assert [row.member for row in filtered.context["rows"]] == [assigned[0]]


def test_competence_map_flags_thin_domains(client, manager, team):
    dc1 = CompetenceDomain.objects.get(code="DC1")
    course = make_course(title="Conduire un projet collectif", domains=[dc1])
    make_lesson(course)
    assign_courses(team, [course], timezone.localdate() + timedelta(days=10))
    for person in list(members(team))[:2]:
        complete_lessons(person, course)
    client.force_login(manager)
    rows = client.get(reverse("teams:dashboard", args=[team.pk])).context["competence"]
    by_code = {r["code"]: r for r in rows}
    assert by_code["DC1"]["learners"] == 2 and not by_code["DC1"]["thin"]
    assert by_code["DC2"]["thin"] and by_code["DC2"]["percent"] == 0


def test_member_drill_down_and_exports(client, manager, team, course, assigned):
    client.force_login(manager)
    html = client.get(reverse("teams:member", args=[team.pk, assigned[1].pk])).content.decode()
    assert "Croiser les regards" in html and "50 %" in html
    response = client.get(reverse("teams:matrix_export", args=[team.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 4 and rows[0][0] == "Nom"
    assert {r[1] for r in rows[1:]} == {p.email for p in assigned}
    csv_text = client.get(reverse("teams:matrix_export", args=[team.pk, "csv"])).content.decode("utf-8-sig")
    assert assigned[0].email in csv_text and "Terminé" in csv_text
    member_xlsx = client.get(reverse("teams:member_export", args=[team.pk, assigned[0].pk, "xlsx"]))
    book = load_workbook(io.BytesIO(member_xlsx.content))
    assert book.sheetnames == ["Modules", "Leçons", "Activités"]
    assert book["Modules"]["A2"].value == "Mener un diagnostic partagé"


def test_other_teams_members_and_exports_are_404(client, manager, team, course, assigned):
    other_manager = make_user(Role.MANAGER)
    outsider = make_user()
    other = make_team(name="Autre équipe", manager=other_manager, members=[outsider])
    assign_courses(other, [course], timezone.localdate() + timedelta(days=3))
    # Some realised time, or the certificat de réalisation is refused (409) whatever the team.
    for person in (assigned[0], outsider):
        TimeSpent.objects.create(user=person, page=course.get_children().first(), day=timezone.localdate(), seconds=600)
    client.force_login(manager)
    for url in urls_for(team, assigned[0], course):
        assert client.get(url).status_code == 200, url
    for url in urls_for(other, outsider, course):
        assert client.get(url).status_code == 404, url
    # A member of another team through my team's URL, and a non-assigned course: 404 too.
    assert client.get(reverse("teams:member", args=[team.pk, outsider.pk])).status_code == 404
    assert client.get(reverse("teams:member", args=[team.pk, manager.pk])).status_code == 404
    other_assignment = Assignment.objects.get(team=other)
    assert client.post(reverse("teams:remind", args=[team.pk, other_assignment.pk])).status_code == 404
    assert client.post(reverse("teams:remind", args=[other.pk, other_assignment.pk])).status_code == 404
    # Learners are refused (403), even on their own team.
    client.force_login(assigned[0])
    assert client.get(reverse("teams:dashboard", args=[team.pk])).status_code == 403


def build_big_team(manager, n_members, n_courses):
    team = make_team(name=f"Équipe {n_members}", manager=manager)
    catalogue_courses = [make_course(title=f"Module {i:02d}", slug=f"module-{n_members}-{i}") for i in range(n_courses)]
    users = User.objects.bulk_create(
        [User(email=f"m{n_members}-{i}@exemple.test", display_name=f"M {i:04d}") for i in range(n_members)]
    )
    Membership.objects.bulk_create([Membership(team=team, user=u) for u in users])
    due = timezone.localdate() + timedelta(days=7)
    assignments = Assignment.objects.bulk_create(
        [Assignment(team=team, course=c, due_date=due) for c in catalogue_courses]
    )
    AssignedLearner.objects.bulk_create([AssignedLearner(assignment=a, user=u) for a in assignments for u in users])
    now = timezone.now()
    Enrolment.objects.bulk_create(
        [
            Enrolment(user=u, course_id=c.pk, source="assignment", completed_at=now if i % 3 == 0 else None)
            for i, u in enumerate(users)
            for c in catalogue_courses
        ]
    )
    return team


@pytest.mark.parametrize(("n_members", "n_courses"), [(3, 2), (1000, 30)])
def test_dashboard_queries_do_not_depend_on_size(client, manager, django_assert_max_num_queries, n_members, n_courses):
    team = build_big_team(manager, n_members, n_courses)
    client.force_login(manager)
    url = reverse("teams:dashboard", args=[team.pk])
    client.get(url)  # warm caches (session, site root)
    with django_assert_max_num_queries(30):
        response = client.get(url, {"sort": "avancement", "page": 2 if n_members > 25 else 1})
    assert response.status_code == 200
    assert len(response.context["rows"]) == min(25, n_members)
    assert response.context["page_obj"].paginator.count == n_members
    with django_assert_max_num_queries(30):
        response = client.get(url, {"status": "completed"})
    assert response.context["page_obj"].paginator.count == len(range(0, n_members, 3))


def test_xlsx_dates_are_dates_shown_the_french_way(client, manager, team, course, assigned):
    """Due dates and activity times are real dates in the workbook (sortable), not text."""
    import datetime

    client.force_login(manager)
    response = client.get(reverse("teams:matrix_export", args=[team.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    due_column = next(i for i, title in enumerate(header) if title.endswith("— échéance"))
    due_cell = sheet.cell(row=2, column=due_column + 1)
    assert isinstance(due_cell.value, datetime.datetime)  # openpyxl reads a date cell back as a datetime
    assert due_cell.value.date() == timezone.localdate() + timedelta(days=10)
    assert due_cell.number_format == "DD/MM/YYYY"
    csv_text = client.get(reverse("teams:matrix_export", args=[team.pk, "csv"])).content.decode("utf-8-sig")
    assert f"{timezone.localdate() + timedelta(days=10):%d/%m/%Y}" in csv_text


def test_member_records_name_activities_by_their_title(client, manager, team):
    """Progress pages said « Cas pratique 1 », « Quiz 2 » (issue 24): they give the activity's title."""
    from tests.factories import make_case

    case = make_case(title="Les Tilleuls")
    course = make_course(title="Agir avec des locataires")
    make_lesson(course, body=[("case", {"case": case, "introduction": "", "required": True})])
    assign_courses(team, [course], timezone.localdate() + timedelta(days=10))
    person = list(members(team))[0]
    client.force_login(manager)
    html = client.get(reverse("teams:member", args=[team.pk, person.pk])).content.decode()
    assert "Les Tilleuls" in html and "Cas pratique 1" not in html
