"""A case or quiz opened from a lesson leads back to it (issue 24: no dead end after a case debrief)."""

import pytest
from django.urls import reverse

from progress import api as progress
from progress.embedding import lessons_embedding
from quizzes.models import Attempt
from tests.factories import make_case, make_course, make_lesson, make_question, make_quiz

pytestmark = pytest.mark.django_db


def lesson_with(course, title, activity):
    return make_lesson(course, title=title, body=[activity])


def case_block(case):
    return ("case", {"case": case, "introduction": "", "required": True})


def test_case_page_links_back_to_the_lesson_that_embeds_it(client, learner):
    case = make_case(title="Les Tilleuls")
    course = make_course(title="Agir avec des locataires")
    lesson = lesson_with(course, "Préparer la réunion", case_block(case))
    client.force_login(learner)

    html = client.get(case.url).content.decode()

    assert "Retour à la leçon « Préparer la réunion » (module « Agir avec des locataires »)" in html
    assert f'href="{lesson.url}"' in html


def test_no_link_for_a_case_no_published_lesson_embeds(client, learner):
    case = make_case(title="Les Tilleuls")
    lesson = lesson_with(make_course(), "Brouillon", case_block(case))
    lesson.unpublish()
    client.force_login(learner)

    assert "Retour à la leçon" not in client.get(case.url).content.decode()


def test_the_learners_own_module_comes_first(learner):
    case = make_case()
    lesson_with(make_course(title="Autre module"), "Ailleurs", case_block(case))
    mine = make_course(title="Mon module")
    lesson_with(mine, "Chez moi", case_block(case))
    progress.enrol(learner, mine)

    lessons = [lesson.title for lesson, _course in lessons_embedding(learner, case.activity_key)]
    assert lessons == ["Chez moi", "Ailleurs"]


def test_quiz_result_links_back_to_its_lesson(client, learner):
    question = make_question("single", [("Le CSTS", True), ("L'ODAS", False)])
    quiz = make_quiz([question])
    lesson_with(make_course(title="Repères"), "Les acteurs", ("quiz", {"quiz": quiz, "required": True}))
    client.force_login(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.in_progress().get(quiz=quiz, user=learner)
    right = question.choices.get(is_correct=True)
    client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", f"q{question.pk}": right.pk})

    html = client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()

    assert "Retour à la leçon « Les acteurs » (module « Repères »)" in html
