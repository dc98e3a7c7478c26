import random
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from progress.models import ProgressEvent
from quizzes import taking
from quizzes.models import Answer, Attempt
from tests.factories import make_category, make_question, make_quiz, make_quiz_page
from tests.quizzes.helpers import answer_fields

pytestmark = pytest.mark.django_db


def start(client, user, quiz):
    client.force_login(user)
    response = client.post(reverse("quizzes:start", args=[quiz.pk]))
    assert response.status_code == 302, response.content
    return Attempt.objects.in_progress().get(quiz=quiz, user=user)


def test_page_source_has_no_answer_key(client, learner, quiz, all_types):
    attempt = start(client, learner, quiz)
    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    for question in all_types.values():
        assert question.text in html
    lowered = html.lower()
    for leak in ("correct", "is_correct", "score", "bonne réponse", "non-recours", "data-answer"):
        assert leak not in lowered, leak
    # Matching: the right-hand texts are offered but the option values are opaque indices, not choice ids.
    matching = all_types["matching"]
    for choice in matching.choices.all():
        assert f'value="{choice.pk}"' not in html
    # Ordering: items are named by display position, never by choice id (ids follow the right order).
    ordering = all_types["ordering"]
    for choice in ordering.choices.all():
        assert f"q{ordering.pk}-{choice.pk}" not in html
    assert re.search(rf'name="q{ordering.pk}-0"', html)


def test_unfinished_attempt_is_resumed_with_saved_answers(client, learner, quiz, all_types):
    attempt = start(client, learner, quiz)
    short = all_types["short_answer"]
    response = client.post(
        reverse("quizzes:attempt", args=[attempt.pk]), {"action": "save", f"q{short.pk}": "mon idée"}
    )
    assert response.status_code == 302
    again = start(client, learner, quiz)
    assert again.pk == attempt.pk
    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert 'value="mon idée"' in html
    assert Attempt.objects.filter(quiz=quiz, user=learner).count() == 1


def test_missing_answers_are_reported_and_kept(client, learner, quiz, all_types):
    attempt = start(client, learner, quiz)
    short = all_types["short_answer"]
    response = client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", f"q{short.pk}": "dsl"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "5 questions demandent encore une réponse" in html
    assert 'aria-describedby="q' in html
    attempt.refresh_from_db()
    assert not attempt.is_submitted and attempt.draft[f"q{short.pk}"] == "dsl"


def test_ordering_positions_must_be_distinct(client, learner, all_types):
    question = all_types["ordering"]
    quiz = make_quiz([question])
    make_quiz_page(quiz)
    attempt = start(client, learner, quiz)
    data = {"action": "submit", f"q{question.pk}-0": "1", f"q{question.pk}-1": "1", f"q{question.pk}-2": "2"}
    response = client.post(reverse("quizzes:attempt", args=[attempt.pk]), data)
    assert response.status_code == 200
    assert "Chaque position ne peut servir qu&#x27;une fois" in response.content.decode()


def test_draws_pick_from_the_category_without_repeating_fixed_questions(learner):
    bank = make_category("Banque")
    pool = [make_question("true_false", [], bank, name=f"Q{i}") for i in range(6)]
    quiz = make_quiz([pool[0]], draws=[(bank, 3)])
    layouts = [taking.build_layout(quiz, random.Random(seed)) for seed in range(12)]
    for layout in layouts:
        ids = [entry["q"] for entry in layout]
        assert len(ids) == 4 and len(set(ids)) == 4 and ids[0] == pool[0].pk
        assert set(ids) <= {q.pk for q in pool}
    assert len({tuple(e["q"] for e in layout) for layout in layouts}) > 1, "draws vary between attempts"


def test_options_are_shuffled_once_and_stable_for_the_attempt(client, learner, all_types):
    question = make_question("single", [(f"Option {i}", i == 0) for i in range(8)])
    quiz = make_quiz([question])
    make_quiz_page(quiz)
    orders = {tuple(taking.build_layout(quiz, random.Random(seed))[0]["choices"]) for seed in range(10)}
    assert len(orders) > 1
    attempt = start(client, learner, quiz)
    first = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    second = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    positions = lambda html: [html.index(f"Option {i}<") for i in range(8)]  # noqa: E731
    assert positions(first) == positions(second)
    ordering = taking.build_layout(make_quiz([all_types["ordering"]]), random.Random(1))[0]
    assert ordering["choices"] != [c.pk for c in all_types["ordering"].choices.all()], "never shown in the right order"


def test_time_limit_counts_only_what_was_saved_before_the_deadline(client, learner, all_types):
    single, short = all_types["single"], all_types["short_answer"]
    quiz = make_quiz([single, short], time_limit_minutes=10, pass_mark=50)
    make_quiz_page(quiz)
    attempt = start(client, learner, quiz)
    assert attempt.deadline is not None
    right = answer_fields(attempt, right=True)
    client.post(
        reverse("quizzes:attempt", args=[attempt.pk]), {"action": "save", f"q{single.pk}": right[f"q{single.pk}"]}
    )
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    response = client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", **right}, follow=True)
    assert "enregistrées avant la limite" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.expired
    assert attempt.score == 0.5, "the late short answer does not count, the saved choice does"
    # A late "save" does not change anything either.
    client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "save", **right})
    assert Answer.objects.filter(attempt=attempt).count() == 2


def test_expired_attempt_is_submitted_when_visited(client, learner, all_types):
    quiz = make_quiz([all_types["single"]], time_limit_minutes=1)
    make_quiz_page(quiz)
    attempt = start(client, learner, quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    response = client.get(reverse("quizzes:attempt", args=[attempt.pk]))
    assert response.status_code == 302 and response["Location"].endswith("/resultats/")
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.expired and attempt.score == 0


def test_max_attempts(client, learner, all_types):
    quiz = make_quiz([all_types["true_false"]], max_attempts=2, show_answers="after_each")
    make_quiz_page(quiz)
    for _ in range(2):
        attempt = start(client, learner, quiz)
        client.post(
            reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", **answer_fields(attempt, False)}
        )
    response = client.post(reverse("quizzes:start", args=[quiz.pk]), follow=True)
    assert "toutes les tentatives autorisées" in response.content.decode()
    assert Attempt.objects.filter(quiz=quiz, user=learner).count() == 2


@pytest.mark.parametrize(
    ("setting", "max_attempts", "visible_after"),
    [("never", 2, [False, False]), ("after_each", 2, [True, True]), ("after_last", 2, [False, True])],
)
def test_correct_answer_visibility(client, learner, all_types, setting, max_attempts, visible_after):
    question = all_types["short_answer"]
    quiz = make_quiz([question], max_attempts=max_attempts, show_answers=setting)
    make_quiz_page(quiz)
    for visible in visible_after:
        attempt = start(client, learner, quiz)
        client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", f"q{question.pk}": "faux"})
        html = client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
        assert ("Réponse attendue" in html) is visible
        assert "Réponse incorrecte" in html, "whether the answer was right is always shown"


def test_double_submit_records_one_attempt(client, learner, quiz):
    attempt = start(client, learner, quiz)
    data = {"action": "submit", **answer_fields(attempt, right=True)}
    first = client.post(reverse("quizzes:attempt", args=[attempt.pk]), data)
    second = client.post(reverse("quizzes:attempt", args=[attempt.pk]), data, follow=True)
    assert first.status_code == 302
    assert "déjà validée" in second.content.decode()
    assert Answer.objects.filter(attempt=attempt).count() == 6
    assert ProgressEvent.objects.filter(user=learner, activity_key=quiz.activity_key, status="completed").count() == 1
    # Calling the service twice directly does not count twice either.
    assert taking.submit_attempt(attempt, data) is False


def test_choice_of_another_question_is_refused_and_nothing_saved(client, learner, all_types):
    single = all_types["single"]
    other = make_question("single", [("Autre", True), ("Encore", False)], name="Autre question")
    quiz = make_quiz([single])
    make_quiz_page(quiz)
    attempt = start(client, learner, quiz)
    for value in [str(other.choices.first().pk), "abc"]:
        response = client.post(
            reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", f"q{single.pk}": value}
        )
        assert response.status_code == 400
        assert "Réponse invalide" in response.content.decode()
    attempt.refresh_from_db()
    assert not attempt.is_submitted and attempt.draft == {} and not attempt.answers.exists()


@pytest.mark.parametrize("field_suffix,value", [("", "maybe"), ("-0", "99")])
def test_tampered_values_are_refused(client, learner, all_types, field_suffix, value):
    question = all_types["true_false"] if field_suffix == "" else all_types["ordering"]
    quiz = make_quiz([question])
    make_quiz_page(quiz)
    attempt = start(client, learner, quiz)
    response = client.post(
        reverse("quizzes:attempt", args=[attempt.pk]), {"action": "save", f"q{question.pk}{field_suffix}": value}
    )
    assert response.status_code == 400
    attempt.refresh_from_db()
    assert attempt.draft == {}


def test_other_learners_attempt_is_404(client, learner, other_learner, quiz):
    attempt = start(client, learner, quiz)
    client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", **answer_fields(attempt)})
    client.force_login(other_learner)
    assert client.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 404
    assert client.get(reverse("quizzes:result", args=[attempt.pk])).status_code == 404
    assert client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit"}).status_code == 404
    assert client.get(reverse("quizzes:result", args=[999999])).status_code == 404


def test_unpublished_quiz_cannot_be_started_by_a_learner(client, learner, trainer, all_types):
    quiz = make_quiz([all_types["single"]])
    client.force_login(learner)
    assert client.post(reverse("quizzes:start", args=[quiz.pk])).status_code == 404
    client.force_login(trainer)
    assert client.post(reverse("quizzes:start", args=[quiz.pk])).status_code == 302, "trainers may try it"


def test_start_requires_post_and_login(client, quiz):
    assert client.post(reverse("quizzes:start", args=[quiz.pk])).status_code == 302
    assert "/comptes/login/" in client.post(reverse("quizzes:start", args=[quiz.pk]))["Location"]


def test_results_page_shows_score_feedback_and_explanation(client, learner, quiz, all_types):
    single = all_types["single"]
    single.explanation = "Le CSTS a posé la notion en 1988."
    single.save()
    choice = single.choices.get(is_correct=True)
    choice.feedback = "Exactement, c'est lui."
    choice.save()
    attempt = start(client, learner, quiz)
    client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", **answer_fields(attempt, True)})
    html = client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
    assert "Score : 100 %" in html and "Réussi" in html
    assert "Bravo" in html and "Exactement, c&#x27;est lui." in html and "Le CSTS a posé la notion en 1988." in html


def test_lesson_quiz_block_completes_the_lesson(client, learner, all_types):
    from progress.models import ActivityResult, LessonActivity
    from tests.factories import make_course, make_lesson

    quiz = make_quiz([all_types["true_false"]])
    course = make_course()
    lesson = make_lesson(course, body=[("rich_text", "<p>Lisez.</p>"), ("quiz", {"quiz": quiz, "required": True})])
    assert LessonActivity.objects.filter(lesson=lesson, activity_key=f"quiz:{quiz.pk}", required=True).exists()
    from progress.api import enrol

    enrol(learner, course)  # lessons are open to enrolled learners
    client.force_login(learner)
    page = client.get(lesson.url).content.decode()
    assert quiz.title in page and "Commencer" in page
    attempt = start(client, learner, quiz)
    client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", **answer_fields(attempt, True)})
    assert ActivityResult.objects.get(user=learner, activity_key=lesson.activity_key).status == "completed"


def test_before_after_comparison_chart_and_table(client, learner):
    scale = [("Pas du tout", False), ("Un peu", False), ("Assez", False), ("Tout à fait", False)]
    questions = [make_question("likert", scale, name=f"Échelle {i}", text=f"Je sais faire {i}") for i in range(2)]
    before = make_quiz(questions, title="Avant", kind="self_positioning", show_answers="never")
    after = make_quiz(questions, title="Après", kind="self_positioning", show_answers="never", before_quiz=before)
    make_quiz_page(before)
    make_quiz_page(after)
    first = start(client, learner, before)
    client.post(reverse("quizzes:attempt", args=[first.pk]), {"action": "submit", **answer_fields(first, right=False)})
    second = start(client, learner, after)
    client.post(reverse("quizzes:attempt", args=[second.pk]), {"action": "submit", **answer_fields(second, right=True)})
    html = client.get(reverse("quizzes:result", args=[second.pk])).content.decode()
    assert "<svg" in html and 'role="img"' in html and "<caption>" in html
    assert html.count("1/4 — Pas du tout") == 2 and html.count("4/4 — Tout à fait") == 2 and "+3" in html
