"""Learning: enrolment, lesson states, resume, completion, locks enforced on the server, own progress only."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import CoursePage
from courses.progression import LessonStatus, course_progress
from progress import api as progress
from progress.models import ActivityResult, Enrolment, Status, TimeSpent
from tests.factories import complete_given_lessons, make_course, make_lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_with_lessons():
    course = make_course(title="Agir avec un groupe")
    return course, [make_lesson(course, f"Leçon {n}") for n in (1, 2)]


def test_anonymous_visitor_sees_the_course_and_is_sent_to_login_for_lessons(client, course_with_lessons):
    course, lessons = course_with_lessons
    page = client.get(course.url)
    assert page.status_code == 200
    assert "Se connecter pour s'inscrire" in page.content.decode()
    response = client.get(lessons[0].url)
    assert response.status_code == 302 and "/comptes/login/" in response["Location"]


def test_non_enrolled_learner_is_invited_to_enrol(client, learner, course_with_lessons):
    course, lessons = course_with_lessons
    client.force_login(learner)
    response = client.get(lessons[0].url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Inscrivez-vous pour suivre cette leçon" in html
    assert reverse("courses:enrol", args=[course.pk]) in html


def test_enrol_then_complete_then_resume(client, learner, course_with_lessons):
    course, (first, second) = course_with_lessons
    client.force_login(learner)
    assert "S'inscrire à ce module" in client.get(course.url).content.decode()

    response = client.post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 302 and response["Location"] == course.url
    assert Enrolment.objects.filter(user=learner, course=course).exists()
    html = client.get(course.url).content.decode()
    assert "Commencer" in html and '<progress id="module-bar" max="100" value="0"' in html

    # Opening a lesson marks it started, with a timestamped event.
    assert client.get(first.url).status_code == 200
    assert ActivityResult.objects.get(user=learner, activity_key=first.activity_key).status == Status.STARTED
    assert course_progress(learner, course).lessons[0].status == LessonStatus.STARTED

    response = client.post(reverse("courses:complete_lesson", args=[first.pk]))
    assert response.status_code == 302 and response["Location"] == second.url
    html = client.get(course.url).content.decode()
    assert "<strong>50 %</strong>" in html and "1/2 leçons terminées" in html
    assert "Reprendre" in html and f'href="{second.url}">Reprendre' in html.replace("\n", "")
    assert "Terminée" in html and "À faire" in html  # lesson status in words, not colour only
    assert client.get(reverse("courses:resume", args=[course.pk]))["Location"] == second.url

    response = client.post(reverse("courses:complete_lesson", args=[second.pk]))
    assert response["Location"] == course.url
    enrolment = Enrolment.objects.get(user=learner, course=course)
    assert enrolment.completed_at is not None
    assert progress.completed_keys(learner, [course.activity_key]) == {course.activity_key}


def test_lesson_page_shows_position_navigation_and_completion_form(client, learner, course_with_lessons):
    course, (first, second) = course_with_lessons
    progress.enrol(learner, course)
    client.force_login(learner)
    html = client.get(second.url).content.decode()
    assert "Leçon 2 sur 2" in html
    assert f'href="{first.url}" rel="prev"' in html
    assert "J'ai terminé cette leçon" in html and "csrfmiddlewaretoken" in html
    assert "courses/heartbeat.js" in html and reverse("courses:heartbeat", args=[second.pk]) in html


def test_completion_needs_post_and_csrf(learner, course_with_lessons):
    from django.test import Client

    course, (first, _second) = course_with_lessons
    progress.enrol(learner, course)
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    url = reverse("courses:complete_lesson", args=[first.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    assert not progress.completed_keys(learner, [first.activity_key])


def test_required_activities_complete_the_lesson_automatically(learner, course_with_lessons):
    from progress.models import LessonActivity

    course, (first, _second) = course_with_lessons
    progress.enrol(learner, course)
    LessonActivity.objects.create(lesson=first, activity_key="quiz:77", required=True)
    progress.record_activity(learner, "quiz:77", Status.COMPLETED, score=1)
    assert course_progress(learner, course).lessons[0].is_done


def test_linear_course_locks_lessons_on_the_server(client, learner):
    course = make_course(title="Dans l'ordre", sequencing=CoursePage.Sequencing.LINEAR)
    first, second, third = (make_lesson(course, title) for title in ("Diagnostic", "Mobilisation", "Action"))
    progress.enrol(learner, course)
    client.force_login(learner)

    response = client.get(second.url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Cette leçon n&#x27;est pas encore ouverte" in html
    assert "terminez d&#x27;abord la leçon « Diagnostic »" in html and f'href="{first.url}"' in html
    # The actions are refused as well, not only the page.
    assert client.post(reverse("courses:complete_lesson", args=[second.pk])).status_code == 403
    assert not progress.completed_keys(learner, [second.activity_key])
    course_page = client.get(course.url).content.decode()
    assert "Verrouillée" in course_page and f'href="{second.url}"' not in course_page

    complete_given_lessons(learner, first)
    assert client.get(second.url).status_code == 200
    assert client.get(third.url).status_code == 403


def test_prerequisites_lock_the_course_and_link_to_them(client, learner):
    basics = make_course(title="Les bases")
    basics_lesson = make_lesson(basics, "Première leçon")
    advanced = make_course(title="Pour aller plus loin", prerequisites=[basics])
    lesson = make_lesson(advanced, "Leçon avancée")
    client.force_login(learner)

    response = client.get(advanced.url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Ce module est verrouillé" in html and f'href="{basics.url}"' in html
    assert client.post(reverse("courses:enrol", args=[advanced.pk])).status_code == 403
    assert not Enrolment.objects.filter(user=learner, course=advanced).exists()
    # Even when enrolled by assignment, the lessons stay locked until the prerequisite is done.
    progress.enrol(learner, advanced, source=Enrolment.Source.ASSIGNMENT)
    assert client.get(lesson.url).status_code == 403

    progress.enrol(learner, basics)
    complete_given_lessons(learner, basics_lesson)
    assert client.get(advanced.url).status_code == 200
    assert client.get(lesson.url).status_code == 200


def test_trainers_read_every_lesson_without_enrolling(client, trainer):
    course = make_course(sequencing=CoursePage.Sequencing.LINEAR)
    make_lesson(course, "Un")
    second = make_lesson(course, "Deux")
    client.force_login(trainer)
    assert client.get(second.url).status_code == 200
    assert client.post(reverse("courses:complete_lesson", args=[second.pk])).status_code == 403


def test_heartbeats_record_visible_time_for_enrolled_learners_only(client, learner, other_learner):
    course = make_course()
    lesson = make_lesson(course)
    progress.enrol(learner, course)
    url = reverse("courses:heartbeat", args=[lesson.pk])
    client.force_login(learner)
    assert client.get(url).status_code == 405
    assert client.post(url).json() == {"counted_seconds": 0}
    row = TimeSpent.objects.get(user=learner, page=lesson)
    TimeSpent.objects.filter(pk=row.pk).update(last_beat_at=timezone.now() - timedelta(seconds=20))
    assert client.post(url).json()["counted_seconds"] == 20

    client.force_login(other_learner)
    assert client.post(url).status_code == 403
    assert not TimeSpent.objects.filter(user=other_learner).exists()


def test_own_progress_detail_and_another_learner_gets_404(client, learner, other_learner, course_with_lessons):
    course, (first, _second) = course_with_lessons
    enrolment, _ = progress.enrol(learner, course)
    complete_given_lessons(learner, first)
    progress.record_heartbeat(learner, first, now=timezone.now() - timedelta(seconds=45))
    progress.record_heartbeat(learner, first)
    url = reverse("courses:enrolment_detail", args=[enrolment.pk])

    client.force_login(learner)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leçons du module" in html and "Leçon 1" in html and "Terminée" in html
    assert "Temps total de consultation" in html and "moins d&#x27;une minute" in html

    client.force_login(other_learner)
    assert client.get(url).status_code == 404


def test_my_space_lists_courses_in_progress_and_completed(client, learner, course_with_lessons):
    course, (first, second) = course_with_lessons
    done = make_course(title="Module bouclé")
    done_lesson = make_lesson(done, "Seule leçon")
    progress.enrol(learner, course)
    progress.enrol(learner, done)
    complete_given_lessons(learner, first, done_lesson)
    client.force_login(learner)
    html = client.get(reverse("my_space")).content.decode()
    assert "Mes formations" in html
    assert "Agir avec un groupe" in html and "50 %" in html
    assert "Prochaine étape" in html and second.title in html
    assert "Module bouclé" in html and f"terminé le {timezone.localdate():%-d}" in html
    assert "Voir toutes mes formations" not in html  # everything is already shown


def test_my_courses_page_lists_the_learners_courses_only(client, learner, other_learner, course_with_lessons):
    course, (first, _second) = course_with_lessons
    done = make_course(title="Module bouclé")
    progress.enrol(learner, course)
    progress.enrol(learner, done)
    complete_given_lessons(learner, make_lesson(done, "Seule leçon"))
    progress.enrol(other_learner, make_course(title="Module d'une autre personne"))
    client.force_login(learner)
    url = reverse("courses:my_courses")
    html = client.get(url).content.decode()
    assert "Agir avec un groupe" in html and "Module bouclé" not in html and "autre personne" not in html
    assert "En cours (1)" in html and "Terminées (1)" in html
    html = client.get(url, {"etat": "terminees"}).content.decode()
    assert "Module bouclé" in html and "Agir avec un groupe" not in html
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_main_navigation_has_the_catalogue(client):
    html = client.get("/").content.decode()
    assert 'href="/formations/"' in html and ">Formations<" in html
    response = client.get("/formations/")
    assert response.status_code == 200 and 'aria-current="page">Formations' in response.content.decode()
