import pytest
from playwright.sync_api import expect

from quizzes.models import Attempt
from tests.a11y import assert_no_axe_violations
from tests.factories import make_all_types, make_course_trainer, make_question, make_quiz, make_quiz_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def keyboard_select(page, label, text):
    """Reach a select as a keyboard user would (focus, type-ahead), then leave it with Tab."""
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)
    page.keyboard.press("Tab")


def answer(page, right):
    page.get_by_label("Le CSTS" if right else "L'ODAS").check()
    page.get_by_label("TSG").check()
    if right:
        page.get_by_label("DSL").check()
    page.get_by_label("Faux" if right else "Vrai", exact=True).check()
    # Matching and ordering with the keyboard only.
    keyboard_select(page, "CCAS", "Centre" if right else "Conseil")
    keyboard_select(page, "CVS", "Conseil" if right else "Centre")
    for item, rank in (("Diagnostic", "1"), ("Mobilisation", "2"), ("Action", "3")):
        keyboard_select(page, f"Position de « {item} »", rank if right else str(4 - int(rank)))
    page.get_by_label("Votre réponse").fill(" Non-Recours " if right else "recours")
    page.get_by_role("button", name="Valider mes réponses").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Résultat : Repères").wait_for()


def test_every_question_type_right_then_wrong(page_as, live_server, learner, trainer):
    types = make_all_types()
    quiz = make_quiz(list(types.values()), title="Repères", pass_mark=80, max_attempts=2, show_answers="after_last")
    quiz_page = make_quiz_page(quiz)
    make_course_trainer(trainer, quizzes=[quiz])  # a course trainer of its course reads every result
    page = page_as(learner)
    page.goto(f"{live_server.url}{quiz_page.url}")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Commencer").click()
    page.get_by_role("button", name="Valider mes réponses").wait_for()
    source = page.content().lower()
    assert "correct" not in source and "non-recours" not in source and "score" not in source
    assert_no_axe_violations(page)

    answer(page, right=True)
    expect(page.get_by_text("Score : 100 %")).to_be_visible()
    expect(page.get_by_text("✔ Réussi", exact=True)).to_be_visible()
    assert page.get_by_text("Bonne réponse").count() == 6
    assert page.get_by_text("Réponse attendue").count() == 0, "shown only after the last attempt"
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Faire une nouvelle tentative").click()
    page.get_by_role("button", name="Valider mes réponses").wait_for()
    answer(page, right=False)
    expect(page.get_by_text("Score : 0 %")).to_be_visible()
    expect(page.get_by_text("Non réussi")).to_be_visible()
    assert page.get_by_text("Réponse incorrecte").count() == 6
    assert page.get_by_text("Réponse attendue").count() == 6
    assert_no_axe_violations(page)
    assert list(Attempt.objects.filter(user=learner).order_by("number").values_list("score", flat=True)) == [1, 0]

    trainer_page = page_as(trainer)
    trainer_page.goto(f"{live_server.url}/evaluations/gestion/")
    assert_no_axe_violations(trainer_page)
    trainer_page.get_by_role("link", name="Repères").click()
    trainer_page.get_by_text("50 % de bonnes réponses").first.wait_for()
    assert_no_axe_violations(trainer_page)
    with trainer_page.expect_download() as download:
        trainer_page.get_by_role("link", name="Exporter en XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    trainer_page.goto(f"{live_server.url}/evaluations/gestion/import-moodle/")
    trainer_page.get_by_role("button", name="Importer").click()
    trainer_page.locator(".errorlist").first.wait_for()
    assert_no_axe_violations(trainer_page)


def test_missing_answers_and_before_after_comparison(page_as, live_server, learner):
    scale = [("Pas du tout", False), ("Un peu", False), ("Assez", False), ("Tout à fait", False)]
    questions = [make_question("likert", scale, name=f"Échelle {i}", text=f"Je sais animer {i}") for i in range(2)]
    before = make_quiz(questions, title="Avant", kind="self_positioning", show_answers="never")
    after = make_quiz(questions, title="Après", kind="self_positioning", show_answers="never", before_quiz=before)
    before_page, after_page = make_quiz_page(before), make_quiz_page(after)
    page = page_as(learner)
    for quiz_page, level in ((before_page, "Un peu"), (after_page, "Tout à fait")):
        page.goto(f"{live_server.url}{quiz_page.url}")
        page.get_by_role("button", name="Commencer").click()
        fieldsets = page.locator("fieldset.quiz-question")
        fieldsets.nth(0).get_by_label(level).check()
        page.get_by_role("button", name="Valider mes réponses").click()
        # One question left unanswered: a linked error, the given answer kept.
        page.get_by_role("alert").wait_for()
        assert page.get_by_role("link", name="Question 2 : Choisissez une réponse.").is_visible()
        assert fieldsets.nth(0).get_by_label(level).is_checked()
        assert_no_axe_violations(page)
        fieldsets.nth(1).get_by_label(level).check()
        page.get_by_role("button", name="Valider mes réponses").click()
        page.get_by_text("Questionnaire rempli").wait_for()
    assert page.get_by_role("img", name="Positionnement avant et après, par question").is_visible()
    assert page.get_by_role("table", name="Vos réponses avant et après, question par question").is_visible()
    assert page.get_by_role("cell", name="+2").count() == 2
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/mon-espace/")
    assert page.get_by_role("heading", name="Mes quiz").is_visible()
    assert_no_axe_violations(page)
