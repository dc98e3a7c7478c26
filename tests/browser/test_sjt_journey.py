"""A learner answers two situational-judgement questions with the keyboard only: best + worst, then a ranking."""

import pytest
from playwright.sync_api import expect

from quizzes.models import Attempt, Choice, SjtMode
from tests.a11y import assert_no_axe_violations
from tests.factories import make_question, make_quiz, make_quiz_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Authored (and displayed, choices are not shuffled) in this order; the expert rank is the second value.
RESPONSES = [
    ("Signaler sans attendre à la cheffe de service", 2),
    ("Proposer un entretien à la famille", 1),
    ("Attendre la prochaine visite", 4),
    ("En parler à une collègue", 3),
]
SIGNALER, ENTRETIEN, ATTENDRE, COLLEGUE = (text for text, _rank in RESPONSES)


def make_sjt(mode, name):
    question = make_question(
        "sjt", [], name=name, sjt_mode=mode, text=f"{name} : un enfant vous confie avoir peur de rentrer chez lui."
    )
    for order, (text, rank) in enumerate(RESPONSES):
        Choice.objects.create(question=question, sort_order=order, text=text, expert_rank=rank)
    return question


def press(page, key, times=1):
    for _ in range(times):
        page.keyboard.press(key)


def pick_radio(page, group, steps):
    """Enter a radio group, tick its first option with Space, then move the choice down with the arrow key."""
    group.get_by_role("radio").first.focus()
    page.keyboard.press("Space")
    press(page, "ArrowDown", steps)


def rank_with_keyboard(page, ranks):
    """Each rank select reached by Tab from the previous one; the rank typed (type-ahead) on the closed list."""
    page.get_by_label(f"Rang de « {RESPONSES[0][0]} »", exact=True).focus()
    for index, (text, _rank) in enumerate(RESPONSES):
        assert page.evaluate("document.activeElement.id").endswith(f"-rang{index}")
        page.keyboard.type(str(ranks[text]))
        page.keyboard.press("Tab")


def test_keyboard_only_best_worst_and_ranking(page_as, live_server, learner):
    best_worst = make_sjt(SjtMode.BEST_WORST, "Visite à domicile")
    ranking = make_sjt(SjtMode.RANKING, "Confidence")
    quiz = make_quiz(
        [best_worst, ranking], title="Jugement", pass_mark=50, shuffle_choices=False, show_answers="after_each"
    )
    quiz_page = make_quiz_page(quiz)
    page = page_as(learner)
    page.goto(f"{live_server.url}{quiz_page.url}")
    page.get_by_role("button", name="Commencer").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Valider mes réponses").wait_for()
    assert "expert" not in page.content().lower()
    assert_no_axe_violations(page)

    best = page.get_by_role("group", name="La meilleure réponse")
    worst = page.get_by_role("group", name="La moins bonne réponse")
    # Same response twice (the 2nd one, "entretien"), and rank 2 given twice.
    pick_radio(page, best, 1)
    page.keyboard.press("Tab")  # into the next group, on its first option
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    rank_with_keyboard(page, {SIGNALER: 2, ENTRETIEN: 1, ATTENDRE: 2, COLLEGUE: 3})
    page.get_by_role("button", name="Valider mes réponses").focus()
    page.keyboard.press("Enter")

    page.get_by_role("alert").wait_for()
    expect(page.get_by_role("link", name="Question 1 : Vous avez choisi la même réponse")).to_be_visible()
    expect(page.get_by_role("link", name="Question 2 : Le rang 2 est donné à plusieurs réponses")).to_be_visible()
    # Nothing given is lost.
    expect(best.get_by_label(ENTRETIEN)).to_be_checked()
    expect(worst.get_by_label(ENTRETIEN)).to_be_checked()
    expect(page.get_by_label(f"Rang de « {ATTENDRE} »")).to_have_value("2")
    expect(page.get_by_label(f"Rang de « {COLLEGUE} »")).to_have_value("3")
    assert_no_axe_violations(page)

    # Worst: move from "entretien" down to "attendre". Ranking: "signaler" and "attendre" swapped (2 + 2 = 4 of 8).
    worst.get_by_label(ENTRETIEN).focus()
    page.keyboard.press("ArrowDown")
    expect(worst.get_by_label(ATTENDRE)).to_be_checked()
    rank_with_keyboard(page, {SIGNALER: 4, ENTRETIEN: 1, ATTENDRE: 2, COLLEGUE: 3})
    page.get_by_role("button", name="Valider mes réponses").focus()
    page.keyboard.press("Enter")

    page.get_by_role("heading", name="Résultat : Jugement").wait_for()
    expect(page.get_by_text("Score : 75 %")).to_be_visible()
    expect(page.get_by_text("✔ Bonne réponse")).to_have_count(1)
    expect(page.get_by_text("◐ Réponse en partie juste : 0,50 point sur 1")).to_be_visible()
    expect(page.get_by_text("Clé de l'expert :")).to_have_count(2)
    expect(page.get_by_text(f"Meilleure réponse : {ENTRETIEN}")).to_have_count(2)  # learner and expert agree
    expect(page.get_by_text(f"1. {ENTRETIEN}")).to_have_count(2)
    expect(page.get_by_text(f"4. {SIGNALER}")).to_be_visible()  # the learner's ranking
    expect(page.get_by_text(f"4. {ATTENDRE}")).to_be_visible()  # the expert's
    assert_no_axe_violations(page)
    attempt = Attempt.objects.get(user=learner, quiz=quiz)
    assert attempt.score == pytest.approx(0.75)
    assert sorted(attempt.answers.values_list("score", flat=True)) == [0.5, 1.0]
