"""The demo question bank (issue 18): at least 45 scored questions, 15 of them situational judgement with a
complete expert ranking, a « Jugement en situation » quiz shown in the collective-intervention module, and a
second load that adds nothing. The demo is loaded twice by tests/demo/conftest.py."""

import re

from django.urls import reverse
from django.utils.html import escape

from courses.models import CoursePage, LessonPage
from quizzes import moodle, scoring
from quizzes.demo_sjt import SJT_QUESTIONS
from quizzes.models import Question, QuestionType, QuizPage, SjtMode
from quizzes.models.bank import SJT_MAX_RESPONSES, SJT_MIN_RESPONSES


def test_the_bank_has_45_scored_questions_of_which_15_situational_judgements(demo):
    scored = Question.objects.exclude(qtype=QuestionType.LIKERT)
    sjt = Question.objects.filter(qtype=QuestionType.SJT)
    assert scored.count() >= 45 and sjt.count() >= 15
    assert set(sjt.values_list("sjt_mode", flat=True)) == set(SjtMode.values)  # both modes are used
    # The second load added nothing: same questions, no response created twice.
    assert demo["first"]["questions"] == demo["second"]["questions"] == Question.objects.count()
    assert sjt.count() == len(SJT_QUESTIONS)


def test_every_sjt_item_has_3_to_6_responses_and_a_complete_expert_ranking(demo):
    for question in Question.objects.filter(qtype=QuestionType.SJT).prefetch_related("choices"):
        choices = list(question.choices.all())
        assert SJT_MIN_RESPONSES <= len(choices) <= SJT_MAX_RESPONSES, question.name
        assert sorted(c.expert_rank for c in choices) == list(range(1, len(choices) + 1)), question.name
        assert scoring.structure_errors(question.qtype, choices) == [], question.name
        assert question.explanation and question.feedback_correct and question.feedback_incorrect, question.name
        # Responses of similar length, so that the longest one does not give the answer away.
        lengths = [len(c.text) for c in choices]
        assert max(lengths) <= 1.6 * min(lengths), question.name


def test_sources_are_named_and_no_url_is_given(demo):
    for question in Question.objects.filter(qtype=QuestionType.SJT).prefetch_related("choices"):
        texts = [question.text, question.explanation, *(c.feedback for c in question.choices.all())]
        assert not any(re.search(r"https?://|www\.", text) for text in texts), question.name
        # Each explanation cites an article of a code, or a text or a book with its year.
        assert re.search(r"\b(18|19|20)\d\d\b|\barticle [LRD]\. ", question.explanation), question.name


def test_the_judgement_quiz_is_in_the_collective_intervention_module_and_can_be_taken(demo, client, learner):
    page = QuizPage.objects.live().get(slug="jugement-en-situation")
    assert {item.question.qtype for item in page.quiz.items.all()} == {QuestionType.SJT}
    module = CoursePage.objects.get(slug="demarche-isic-pas-a-pas")
    lessons = LessonPage.objects.live().descendant_of(module)
    shown = [
        child.value["quiz"].pk
        for lesson in lessons
        for child in lesson.specific.body
        if child.block_type == "quiz" and child.value["quiz"]
    ]
    assert page.quiz_id in shown
    client.force_login(learner)
    client.post(reverse("quizzes:start", args=[page.quiz_id]))
    attempt = learner.quiz_attempts.get(quiz=page.quiz)
    response = client.get(reverse("quizzes:attempt", args=[attempt.pk]))
    body = response.content.decode()
    assert response.status_code == 200 and ("Choisissez la meilleure réponse" in body or "Classez toutes" in body)


def test_exporting_the_demo_bank_names_the_sjt_questions_left_out_then_downloads(demo, client, trainer):
    client.force_login(trainer)
    confirm = client.get(reverse("quizzes:moodle_export")).content.decode()
    names = list(Question.objects.filter(qtype=QuestionType.SJT).values_list("name", flat=True))
    assert f"Ces {len(names)} questions seront laissées de côté" in confirm
    assert all(f"« {escape(name)} »" in confirm for name in names)
    download = client.get(reverse("quizzes:moodle_export"), {"confirmer": "1"})
    assert download.status_code == 200 and download["Content-Type"].startswith("application/xml")
    root = moodle.parse(download.content)
    exported = [node for node in root.findall("question") if node.get("type") != "category"]
    assert len(exported) == Question.objects.exclude(qtype__in=[QuestionType.LIKERT, QuestionType.SJT]).count()
    assert "Jugements en situation laissés de côté" in download.content.decode()
