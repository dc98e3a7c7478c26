import pytest
from django.urls import reverse

from quizzes.blocks import QuizBlock
from quizzes.models import Question, QuizIndexPage, QuizPage
from tests.factories import make_category, make_quiz, make_quiz_page

pytestmark = pytest.mark.django_db


def question_post(category, qtype="single", correct=(True, False)):
    data = {
        "name": "Créée dans l'admin",
        "qtype": qtype,
        "scoring_rule": "all_or_nothing",
        "sjt_mode": "best_worst",  # the admin select always sends its preselected mode
        "category": str(category.pk),
        "text": "Quel est le premier temps de la démarche ?",
        "accepted_answers": "",
        "feedback_correct": "Oui",
        "feedback_incorrect": "Non",
        "explanation": "Le diagnostic partagé.",
        "choices-TOTAL_FORMS": str(len(correct)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for i, flag in enumerate(correct):
        data.update(
            {
                f"choices-{i}-text": f"Option {i}",
                f"choices-{i}-match_text": "",
                f"choices-{i}-feedback": "",
                f"choices-{i}-ORDER": str(i + 1),
                f"choices-{i}-id": "",
                f"choices-{i}-DELETE": "",
            }
        )
        if flag:
            data[f"choices-{i}-is_correct"] = "on"
    return data


def test_trainer_authors_a_question_in_the_admin(client, trainer):
    category = make_category()
    client.force_login(trainer)
    url = reverse("wagtailsnippets_quizzes_question:add")
    assert client.get(url).status_code == 200
    response = client.post(url, question_post(category))
    assert response.status_code == 302, response.content[:2000]
    question = Question.objects.get(name="Créée dans l'admin")
    assert [c.is_correct for c in question.choices.all()] == [True, False]


def test_admin_refuses_a_single_choice_without_right_answer(client, lead_trainer):
    client.force_login(lead_trainer)
    response = client.post(
        reverse("wagtailsnippets_quizzes_question:add"), question_post(make_category(), correct=(False, False))
    )
    assert response.status_code == 200
    assert "exactement une bonne réponse" in response.content.decode()
    assert not Question.objects.exists()


def test_true_or_false_has_no_default_and_must_be_chosen(client, trainer):
    """A false statement was saved as true because « vrai » was preselected (issue 24)."""
    client.force_login(trainer)
    url = reverse("wagtailsnippets_quizzes_question:add")
    form_html = client.get(url).content.decode()
    assert (
        'name="true_false_answer"' in form_html and "checked" not in form_html.split('name="true_false_answer"')[1][:80]
    )

    response = client.post(url, question_post(make_category(), qtype="true_false", correct=()))
    assert response.status_code == 200
    assert "Indiquez si l&#x27;affirmation est vraie ou fausse." in response.content.decode()
    assert not Question.objects.exists()

    response = client.post(
        url, {**question_post(make_category(), qtype="true_false", correct=()), "true_false_answer": "False"}
    )
    assert response.status_code == 302
    assert Question.objects.get().true_false_answer is False


def test_trainer_groups_have_the_bank_permissions(trainer, lead_trainer, learner, manager):
    for user in (trainer, lead_trainer):
        assert user.has_perm("quizzes.add_question") and user.has_perm("quizzes.change_quiz")
        assert user.has_perm("quizzes.delete_questioncategory") and user.has_perm("quizzes.view_quiz")
    assert not learner.has_perm("quizzes.add_question") and not manager.has_perm("quizzes.view_quiz")


def test_page_tree_rules():
    assert QuizPage.parent_page_types == ["quizzes.QuizIndexPage"] and QuizPage.subpage_types == []
    assert QuizIndexPage.parent_page_types == ["home.HomePage"]


def test_migration_created_the_quiz_index():
    index = QuizIndexPage.objects.get()
    assert index.slug == "quiz" and index.live and index.get_parent().specific_class.__name__ == "HomePage"


def test_quiz_page_and_index_render(client, learner, all_types):
    quiz = make_quiz([all_types["single"]], title="Repères", time_limit_minutes=15, max_attempts=2)
    page = make_quiz_page(quiz)
    assert "Se connecter pour répondre" in client.get(page.url).content.decode()
    client.force_login(learner)
    html = client.get(page.url).content.decode()
    assert "Repères" in html and "Durée limite : 15 minutes" in html and "Tentatives restantes : 2" in html
    assert "Commencer" in html
    assert "Repères" in client.get(page.get_parent().url).content.decode()


def test_quiz_block_preview_renders(all_types):
    make_quiz([all_types["single"]], title="Aperçu")
    block = QuizBlock()
    html = block.render(block.get_preview_value(), context={"user": None, "request": None})
    assert "Aperçu" in html


def test_bank_admin_pages_render_for_trainers(client, trainer, all_types):
    quiz = make_quiz(list(all_types.values()))
    client.force_login(trainer)
    for name in ("question", "quiz", "questioncategory"):
        assert client.get(reverse(f"wagtailsnippets_quizzes_{name}:list")).status_code == 200, name
        assert client.get(reverse(f"wagtailsnippets_quizzes_{name}:add")).status_code == 200, name
    assert client.get(reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])).status_code == 200
    question = all_types["matching"]
    assert client.get(reverse("wagtailsnippets_quizzes_question:edit", args=[question.pk])).status_code == 200
