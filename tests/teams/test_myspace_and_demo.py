from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from teams.assigning import assign_courses
from teams.models import Assignment, Membership, Team
from tests.factories import complete_lessons, make_course, make_lesson, make_team

pytestmark = pytest.mark.django_db


def test_my_space_shows_due_dates_and_overdue_in_words(client, learner, manager, course):
    team = make_team(manager=manager, members=[learner])
    late = make_course(title="Animer un groupe d'habitants")
    make_lesson(late)
    assign_courses(team, [course], timezone.localdate() + timedelta(days=3))
    Assignment.objects.bulk_create(
        [Assignment(team=team, course=late, due_date=timezone.localdate() - timedelta(days=2))]
    )
    from teams.assigning import add_learners

    add_learners(Assignment.objects.get(course=late), [learner])
    client.force_login(learner)
    html = client.get(reverse("my_space")).content.decode()
    assert "Mener un diagnostic partagé" in html and "Échéance dans 3 jours" in html
    assert "En retard : l'échéance est dépassée" in html
    # A finished assignment leaves the to-do table and is counted, with a link to the finished courses.
    complete_lessons(learner, late)
    html = client.get(reverse("my_space")).content.decode()
    section = html[html.index('id="affectations-titre"') :].split("</section>")[0]
    assert "Animer un groupe d&#x27;habitants" not in section and "En retard" not in section
    assert "1 module affecté déjà terminé" in section and "?etat=terminees" in section


def test_manager_nav_link(client, manager):
    make_team(manager=manager)
    client.force_login(manager)
    response = client.get(reverse("teams:index"), follow=True)
    assert "Suivi d&#x27;équipe" in response.content.decode()


def test_demo_loader_is_idempotent_with_courses(settings):
    settings.DEBUG = True
    course = make_course(title="Le diagnostic partagé")
    make_lesson(course, title="Première leçon")
    make_lesson(course, title="Deuxième leçon")
    call_command("load_demo")
    snapshot = (
        User.objects.count(),
        Membership.objects.count(),
        Assignment.objects.count(),
        sorted(Assignment.objects.values_list("team__name", "course_id")),
    )
    call_command("load_demo")
    assert snapshot == (
        User.objects.count(),
        Membership.objects.count(),
        Assignment.objects.count(),
        sorted(Assignment.objects.values_list("team__name", "course_id")),
    )
    manager = User.objects.get(email="responsable@demo.collectif.test")
    assert Team.objects.visible_to(manager).count() == 3
    assert Membership.objects.filter(role="member").count() >= 40
    from progress.models import Enrolment

    assert Enrolment.objects.filter(completed_at__isnull=False).exists()
