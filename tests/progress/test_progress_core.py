import pytest

from courses.completion import refresh_lesson_activities
from progress import api as progress
from progress.models import ActivityResult, Enrolment, LessonActivity, ProgressEvent, Status
from tests.factories import make_course, make_lesson

pytestmark = pytest.mark.django_db


def test_record_activity_keeps_best_score_and_completion(learner):
    progress.record_activity(learner, "quiz:1", Status.FAILED, score=0.4)
    progress.record_activity(learner, "quiz:1", Status.COMPLETED, score=0.9)
    result = progress.record_activity(learner, "quiz:1", Status.FAILED, score=0.2)
    assert result.status == Status.COMPLETED
    assert result.score == 0.9
    assert result.attempts == 3
    assert ProgressEvent.objects.filter(user=learner, activity_key="quiz:1").count() == 3


def test_scores_are_clamped_between_0_and_1(learner):
    assert progress.record_activity(learner, "h5p:1", Status.COMPLETED, score=7).score == 1.0


def test_enrol_is_idempotent(learner):
    course = make_course()
    progress.enrol(learner, course)
    progress.enrol(learner, course)
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1


def test_required_activities_complete_the_lesson_then_the_course(learner):
    course = make_course()
    lesson = make_lesson(course)
    progress.enrol(learner, course)
    LessonActivity.objects.create(lesson=lesson, activity_key="case:9", required=True)
    LessonActivity.objects.create(lesson=lesson, activity_key="quiz:9", required=False)

    progress.record_activity(learner, "case:9", Status.STARTED)
    assert not ActivityResult.objects.filter(user=learner, activity_key=lesson.activity_key).exists()
    progress.record_activity(learner, "case:9", Status.COMPLETED, score=0.5)

    assert ActivityResult.objects.get(user=learner, activity_key=lesson.activity_key).is_completed
    assert ActivityResult.objects.get(user=learner, activity_key=course.activity_key).is_completed
    assert Enrolment.objects.get(user=learner, course=course).completed_at is not None


def test_course_is_not_complete_until_every_lesson_is(learner):
    course = make_course()
    first, second = make_lesson(course, "Un"), make_lesson(course, "Deux")
    progress.record_activity(learner, first.activity_key, Status.COMPLETED)
    assert not progress.completed_keys(learner, [course.activity_key])
    progress.record_activity(learner, second.activity_key, Status.COMPLETED)
    assert progress.completed_keys(learner, [course.activity_key]) == {course.activity_key}


def test_lesson_activity_index_is_rebuilt_from_body():
    lesson = make_lesson(make_course())
    LessonActivity.objects.create(lesson=lesson, activity_key="quiz:404")
    refresh_lesson_activities(lesson)
    assert not LessonActivity.objects.filter(lesson=lesson).exists()


def test_heartbeats_count_visible_time_with_an_idle_cutoff(learner):
    from datetime import timedelta

    from django.utils import timezone

    lesson = make_lesson(make_course())
    start = timezone.now()
    assert progress.record_heartbeat(learner, lesson, now=start) == 0
    assert progress.record_heartbeat(learner, lesson, now=start + timedelta(seconds=30)) == 30
    assert progress.record_heartbeat(learner, lesson, now=start + timedelta(minutes=30)) == 0  # was away
    assert progress.time_spent_by_page(learner, [lesson.pk]) == {lesson.pk: 30}


def test_progress_is_in_the_data_export(learner):
    from accounts.personal_data import export_data

    progress.record_activity(learner, "quiz:3", Status.COMPLETED, score=1)
    data = export_data(learner)["sections"]["progression"]
    assert data["results"][0]["activity_key"] == "quiz:3"
