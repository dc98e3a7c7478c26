from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teams.assigning import assign_courses
from teams.models import Assignment
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
