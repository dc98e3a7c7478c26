"""The demo curriculum's cases and quizzes: enough of them, sound, taught through feedback, idempotent, playable."""

import pytest
from wagtail.blocks import StreamValue

from cases import demo as cases_demo
from cases import play
from cases.blocks import CaseGraphBlock
from cases.graph import Phase, Quality, graph_from_stream, recommended_path, validate
from cases.models import CaseAttempt, CaseIndexPage, CasePage
from progress.api import completed_keys
from quizzes import demo as quizzes_demo
from quizzes.models import Question, QuestionType, Quiz, QuizKind, QuizPage


def graph_of(case):
    return graph_from_stream(StreamValue(CaseGraphBlock(), case["nodes"]))


def test_at_least_six_sound_cases_over_the_five_phases_with_feedback_everywhere():
    cases = cases_demo.CASES
    assert len(cases) >= 6
    assert len({case["slug"] for case in cases}) == len(cases)
    for case in cases:
        graph = graph_of(case)
        assert validate(graph) == [], case["slug"]
        assert len(graph.decisions) >= 6, case["slug"]
        assert {node.phase for node in graph.decisions} == set(Phase.ORDER), case["slug"]
        choices = [choice for node in graph.decisions for choice in node.choices]
        assert all(2 <= len(node.choices) <= 4 for node in graph.decisions)
        assert all(len(choice.feedback) > 80 for choice in choices), case["slug"]
        assert {choice.quality for choice in choices} == {Quality.RECOMMENDED, Quality.ACCEPTABLE, Quality.AVOID}
        assert len(graph.endings) >= 2 and all(str(node.debrief).strip() for node in graph.endings)
        # The recommended path reaches an ending, and a best score is possible.
        assert recommended_path(graph)[-1][0].is_ending
        assert case["domains"] and set(case["domains"]) <= {"DC1", "DC2", "DC3", "DC4"}
        assert len(case["people"]) >= 4 and case["objectives"] and case["reflection_prompt"]


def test_question_specs_cover_every_type_with_feedback():
    from quizzes.demo_questions import MEDIATION_QUESTIONS, PARTICIPATION_QUESTIONS, POSTURE_QUESTIONS
    from quizzes.demo_sjt import SJT_QUESTIONS

    sjt_specs = [(name, QuestionType.SJT, *rest) for name, _mode, *rest in SJT_QUESTIONS]
    specs = quizzes_demo.QUESTIONS + MEDIATION_QUESTIONS + PARTICIPATION_QUESTIONS + sjt_specs
    likert = len(quizzes_demo.SCALE_QUESTIONS) + len(POSTURE_QUESTIONS)
    assert len(specs) + likert >= 30
    assert {spec[1] for spec in specs} | {QuestionType.LIKERT} == set(QuestionType.values)
    for name, _qtype, _text, domains, fields, _choices in specs:
        assert fields.get("explanation") and fields.get("feedback_correct") and fields.get("feedback_incorrect"), name
        assert domains


@pytest.mark.django_db
def test_demo_cases_and_quizzes_render_for_a_learner_and_a_new_case_plays_to_an_ending(client, learner):
    cases_demo.load()
    quizzes_demo.load()

    cases = CasePage.objects.live()
    assert cases.count() >= 6
    for case in cases:
        assert case.domains.exists(), case.slug
        assert validate(case.graph) == [], case.slug

    questions = Question.objects.all()
    assert questions.count() >= 30
    assert set(questions.values_list("qtype", flat=True)) == set(QuestionType.values)
    assert all(q.explanation and (q.qtype == QuestionType.LIKERT or q.feedback_correct) for q in questions)
    pairs = Quiz.objects.filter(kind=QuizKind.SELF_POSITIONING, before_quiz__isnull=False)
    assert pairs.count() >= 2
    assert all(pair.before_quiz.kind == QuizKind.SELF_POSITIONING for pair in pairs)
    assert Quiz.objects.filter(kind=QuizKind.SCORED).count() >= 3

    client.force_login(learner)
    assert client.get(CaseIndexPage.objects.first().url).status_code == 200
    for page in [*cases, *QuizPage.objects.live()]:
        assert client.get(page.url).status_code == 200, page.url

    # Play one of the new cases through the play service, along the recommended path.
    case = CasePage.objects.get(slug="non-recours-et-solidarite-numerique-a-brenne-sur-aulne")
    attempt = play.start_attempt(learner, case)
    for step, (node, choice) in enumerate(recommended_path(case.graph)):
        if node.is_ending:
            break
        play.decide(attempt, step=step, node_key=node.key, choice_key=choice.key, justification="Le groupe décide.")
        play.continue_attempt(attempt)
    attempt.refresh_from_db()
    assert attempt.status == CaseAttempt.Status.COMPLETED and attempt.ending_key == "fin-reseau"
    assert attempt.score == 1.0
    assert case.activity_key in completed_keys(learner, [case.activity_key])
