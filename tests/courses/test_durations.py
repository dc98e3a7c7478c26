"""Durations computed from the content: reading time plus activities, the course as the sum, overrides justified."""

import pytest
from django.core.exceptions import ValidationError

from courses.durations import ACTIVITY_MINUTES, READING_WORDS_PER_MINUTE
from courses.models import CoursePage, LessonPage
from tests.factories import make_course, make_lesson

pytestmark = pytest.mark.django_db


def words(count):
    return "<p>" + " ".join(["mot"] * count) + "</p>"


REFLECTION = {"prompt_id": "duree-test", "prompt": "Qu'avez-vous observé ?", "required": True}


def test_lesson_lasts_its_reading_time_plus_its_activities():
    course = make_course()
    text_only = make_lesson(course, "Lire", body=[("rich_text", words(2 * READING_WORDS_PER_MINUTE + 1))])
    assert text_only.duration_minutes == 3  # 401 words at 200 a minute, rounded up
    with_activity = make_lesson(
        course, "Réfléchir", body=[("rich_text", words(READING_WORDS_PER_MINUTE)), ("reflection", REFLECTION)]
    )
    assert with_activity.duration_minutes == 1 + ACTIVITY_MINUTES["reflection"]


def test_course_lasts_the_sum_of_its_live_lessons():
    course = make_course()
    first = make_lesson(course, "Une", body=[("rich_text", words(1000))])
    second = make_lesson(course, "Deux", body=[("rich_text", words(600))])
    course.refresh_from_db()
    assert course.duration_minutes == first.duration_minutes + second.duration_minutes == 8
    second.unpublish()
    course.refresh_from_db()
    assert course.duration_minutes == first.duration_minutes


def test_an_override_needs_a_reason_and_then_wins():
    course = make_course()
    lesson = make_lesson(course, "Vidéo", body=[("rich_text", words(100))])
    lesson.duration_override_minutes = 25
    with pytest.raises(ValidationError) as raised:
        lesson.clean()
    assert "duration_override_reason" in raised.value.message_dict
    lesson.duration_override_reason = "Vidéo de vingt minutes à regarder en entier"
    lesson.clean()
    lesson.save_revision().publish()
    course.refresh_from_db()
    assert LessonPage.objects.get(pk=lesson.pk).duration_minutes == 25 == course.duration_minutes

    course = CoursePage.objects.get(pk=course.pk)
    course.duration_override_minutes = 60
    with pytest.raises(ValidationError):
        course.clean_duration_override()


def test_trainers_see_the_reason_learners_do_not(client, trainer, learner):
    course = make_course(duration_override_minutes=90, duration_override_reason="Classe virtuelle de 1 h 30")
    make_lesson(course, "Une", body=[("rich_text", words(50))])
    client.force_login(trainer)
    assert "Classe virtuelle de 1 h 30" in client.get(course.url).content.decode()
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert "1 h 30" in html and "Classe virtuelle" not in html


def test_a_lessons_duration_does_not_depend_on_the_language_of_the_request():
    """A heading's level label is not read (and is translated): only the text counts."""
    from django.utils import translation

    from courses.durations import computed_lesson_minutes

    words = " ".join(["mot"] * 199)
    lesson = make_lesson(make_course(), body=[("heading", {"text": "Titre", "level": "h2"}), ("rich_text", words)])
    figures = set()
    for language in ("fr", "en"):
        with translation.override(language):
            figures.add(computed_lesson_minutes(lesson.body))
    assert figures == {1}  # 200 words read: one minute, whatever the language
