"""Situational-judgement questions (issue 17, item 3): a scenario, 3 to 6 responses ranked by an expert, answered
as best + worst or as a full ranking, scored with partial credit; left out of the whole-bank Moodle export after a
confirmation naming them, refused in the export of one category (issue 18)."""

import pytest
from django.urls import reverse

from quizzes import moodle, scoring
from quizzes.models import Attempt, Choice, Question, SjtMode
from tests.factories import make_category, make_question, make_quiz, make_quiz_page

pytestmark = pytest.mark.django_db

# Authored order on purpose differs from the expert's order (the expert rank is the key, not the position).
RESPONSES = [
    ("Signaler sans attendre à la cheffe de service", 2),
    ("Proposer un entretien à la famille", 1),
    ("Attendre la prochaine visite", 4),
    ("En parler à une collègue", 3),
]


def make_sjt(mode=SjtMode.BEST_WORST, responses=RESPONSES, name="Visite à domicile"):
    question = make_question(
        "sjt",
        [],
        name=name,
        sjt_mode=mode,
        text="Lors d'une visite, un enfant vous confie avoir peur de rentrer chez lui.",
        explanation="Recueillir la parole, puis en référer.",
    )
    for order, (text, rank) in enumerate(responses):
        Choice.objects.create(question=question, sort_order=order, text=text, expert_rank=rank)
    by_text = {c.text: c.pk for c in question.choices.all()}
    return question, by_text


ENTRETIEN, SIGNALER, COLLEGUE, ATTENDRE = (
    "Proposer un entretien à la famille",
    "Signaler sans attendre à la cheffe de service",
    "En parler à une collègue",
    "Attendre la prochaine visite",
)


# --- Scoring -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("best", "worst", "points"),
    [
        (ENTRETIEN, ATTENDRE, 1.0),  # both right
        (ENTRETIEN, COLLEGUE, 0.5),  # right best only
        (SIGNALER, ATTENDRE, 0.5),  # right worst only
        (SIGNALER, COLLEGUE, 0.0),
        (ATTENDRE, ENTRETIEN, 0.0),  # expert-worst as best and expert-best as worst: nothing for either half
        (ATTENDRE, COLLEGUE, 0.0),
    ],
)
def test_best_worst_scoring_table(best, worst, points):
    question, ids = make_sjt()
    flag, score = scoring.question_score(
        question, list(question.choices.all()), {"best": ids[best], "worst": ids[worst]}
    )
    assert score == pytest.approx(points)
    assert flag is (points == 1.0)


@pytest.mark.parametrize(
    ("order", "points"),
    [
        # n = 4, maximum distance floor(16 / 2) = 8.
        ([ENTRETIEN, SIGNALER, COLLEGUE, ATTENDRE], 1.0),
        ([SIGNALER, ENTRETIEN, COLLEGUE, ATTENDRE], 0.75),  # one adjacent swap: |2−1| + |1−2| = 2 → 1 − 2/8
        ([ENTRETIEN, ATTENDRE, COLLEGUE, SIGNALER], 0.5),  # 2 and 4 swapped: 2 + 2 = 4 → 1 − 4/8
        ([COLLEGUE, ENTRETIEN, SIGNALER, ATTENDRE], 0.5),  # 3,1,2,4: 2 + 1 + 1 = 4 → 0.5
        ([ATTENDRE, COLLEGUE, SIGNALER, ENTRETIEN], 0.0),  # reversed: 3 + 1 + 1 + 3 = 8 → 0
        ([ATTENDRE, ENTRETIEN, SIGNALER, COLLEGUE], 0.25),  # 4,1,2,3: 3 + 1 + 1 + 1 = 6 → 1 − 6/8
    ],
)
def test_ranking_scoring_table(order, points):
    question, ids = make_sjt(SjtMode.RANKING)
    flag, score = scoring.question_score(question, list(question.choices.all()), [ids[t] for t in order])
    assert score == pytest.approx(points)
    assert flag is (points == 1.0)


def test_ranking_of_five_and_three_uses_floor_of_n_squared_over_two():
    assert [scoring.max_rank_distance(n) for n in (3, 4, 5, 6)] == [4, 8, 12, 18]
    five = [("A", 1), ("B", 2), ("C", 3), ("D", 4), ("E", 5)]
    question, ids = make_sjt(SjtMode.RANKING, five)
    # First and last swapped: |5−1| + |1−5| = 8 over 12 → 1/3.
    _flag, score = scoring.question_score(question, list(question.choices.all()), [ids[t] for t in "EBCDA"])
    assert score == pytest.approx(1 / 3)


def test_no_answer_scores_nothing():
    question, _ids = make_sjt()
    assert scoring.question_score(question, list(question.choices.all()), None) == (False, 0.0)


# --- Taking through the views --------------------------------------------------------------------------------


def start(client, learner, questions, **fields):
    fields.setdefault("show_answers", "after_each")
    quiz = make_quiz(questions, pass_mark=50, shuffle_choices=False, **fields)
    make_quiz_page(quiz)
    client.force_login(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    return Attempt.objects.in_progress().get(quiz=quiz, user=learner)


def rank_fields(question, attempt, ranks_by_text):
    entry = next(e for e in attempt.layout if e["q"] == question.pk)
    texts = {c.pk: c.text for c in question.choices.all()}
    return {f"q{question.pk}-rang{i}": str(ranks_by_text[texts[cid]]) for i, cid in enumerate(entry["choices"])}


def test_best_worst_form_has_two_labelled_groups(client, learner):
    question, ids = make_sjt()
    attempt = start(client, learner, [question])
    page = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert "<legend>La meilleure réponse</legend>" in page and "<legend>La moins bonne réponse</legend>" in page
    assert page.count(f'name="q{question.pk}-meilleure"') == 4 and page.count(f'name="q{question.pk}-moins-bonne"') == 4
    assert "expert" not in page.lower()  # the key never reaches the form


def test_best_worst_submission_stores_half_a_point_and_shows_the_key(client, learner):
    question, ids = make_sjt()
    attempt = start(client, learner, [question])
    client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        {"action": "submit", f"q{question.pk}-meilleure": ids[ENTRETIEN], f"q{question.pk}-moins-bonne": ids[COLLEGUE]},
    )
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score == pytest.approx(0.5) and attempt.passed
    answer = attempt.answers.get()
    assert answer.score == 0.5 and answer.is_correct is False
    assert answer.response == {"best": ids[ENTRETIEN], "worst": ids[COLLEGUE]}
    page = client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
    assert "◐ Réponse en partie juste : 0,50 point sur 1" in page
    assert f"Meilleure réponse : {ENTRETIEN}" in page and f"Moins bonne réponse : {COLLEGUE}" in page
    assert "Clé de l'expert :" in page.replace("&#x27;", "'") and f"Moins bonne réponse : {ATTENDRE}" in page


def test_same_response_as_best_and_worst_is_refused_and_kept(client, learner):
    question, ids = make_sjt()
    attempt = start(client, learner, [question])
    response = client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        {"action": "submit", f"q{question.pk}-meilleure": ids[SIGNALER], f"q{question.pk}-moins-bonne": ids[SIGNALER]},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "la même réponse comme meilleure et comme moins bonne" in page
    # Both choices are still ticked: nothing the learner gave is lost.
    assert page.count(f'value="{ids[SIGNALER]}" checked') == 2
    attempt.refresh_from_db()
    assert not attempt.is_submitted


def test_ranking_submission_stores_partial_score(client, learner):
    question, ids = make_sjt(SjtMode.RANKING)
    attempt = start(client, learner, [question])
    page = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert f"Rang de « {ENTRETIEN} »" in page and "de 1 (la meilleure) à 4 (la moins bonne)" in page
    ranks = {SIGNALER: 1, ENTRETIEN: 2, COLLEGUE: 3, ATTENDRE: 4}
    client.post(
        reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", **rank_fields(question, attempt, ranks)}
    )
    attempt.refresh_from_db()
    assert attempt.score == pytest.approx(0.75)
    assert attempt.answers.get().response == [ids[SIGNALER], ids[ENTRETIEN], ids[COLLEGUE], ids[ATTENDRE]]
    result = client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
    assert "◐ Réponse en partie juste : 0,75 point sur 1" in result
    assert f"1. {SIGNALER}" in result and f"1. {ENTRETIEN}" in result  # learner's ranking and the expert key


def test_duplicate_ranks_are_refused_naming_the_rank_and_kept(client, learner):
    question, _ids = make_sjt(SjtMode.RANKING)
    attempt = start(client, learner, [question])
    ranks = {SIGNALER: 1, ENTRETIEN: 2, COLLEGUE: 2, ATTENDRE: 4}
    fields = rank_fields(question, attempt, ranks)
    response = client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", **fields})
    page = response.content.decode()
    assert "Le rang 2 est donné à plusieurs réponses" in page
    assert 'aria-invalid="true"' in page
    for name, rank in fields.items():  # every chosen rank is still selected
        select = page.split(f'name="{name}"')[1].split("</select>")[0]
        assert f'value="{rank}" selected' in select
    attempt.refresh_from_db()
    assert not attempt.is_submitted


def test_a_missing_rank_asks_for_every_rank(client, learner):
    question, _ids = make_sjt(SjtMode.RANKING)
    attempt = start(client, learner, [question])
    fields = rank_fields(question, attempt, {SIGNALER: 1, ENTRETIEN: 2, COLLEGUE: 3, ATTENDRE: 4})
    fields.pop(f"q{question.pk}-rang0")
    page = client.post(reverse("quizzes:attempt", args=[attempt.pk]), {"action": "submit", **fields}).content.decode()
    assert "Donnez un rang à chaque réponse" in page


def test_a_forged_choice_is_a_bad_request(client, learner):
    question, _ids = make_sjt()
    other, other_ids = make_sjt(name="Autre")
    attempt = start(client, learner, [question])
    response = client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        {
            "action": "submit",
            f"q{question.pk}-meilleure": other_ids[ENTRETIEN],
            f"q{question.pk}-moins-bonne": other_ids[ATTENDRE],
        },
    )
    assert response.status_code == 400


def test_stored_score_survives_a_change_of_key(client, learner):
    question, ids = make_sjt()
    attempt = start(client, learner, [question])
    client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        {"action": "submit", f"q{question.pk}-meilleure": ids[ENTRETIEN], f"q{question.pk}-moins-bonne": ids[ATTENDRE]},
    )
    Choice.objects.filter(pk=ids[ENTRETIEN]).update(expert_rank=3)
    attempt.refresh_from_db()
    assert attempt.score == 1.0 and attempt.answers.get().score == 1.0


# --- Moodle export -------------------------------------------------------------------------------------------


def test_moodle_export_refuses_naming_the_question_unless_told_to_leave_it_out():
    make_sjt(name="Visite à domicile")
    with pytest.raises(moodle.MoodleExportError) as error:
        moodle.export_questions(Question.objects.all())
    assert "« Visite à domicile »" in str(error.value) and "jugement en situation" in str(error.value)
    make_question("single", [("Oui", True), ("Non", False)], name="Question ordinaire")
    xml = moodle.export_questions(Question.objects.all(), leave_out_sjt=True).decode()
    assert "<!-- Jugements en situation laissés de côté (type inconnu de Moodle) : « Visite à domicile » -->" in xml
    assert "Question ordinaire" in xml and "Attendre la prochaine visite" not in xml
    # The file stays importable: the comment is ignored and only the other question comes back.
    Question.objects.all().delete()
    assert [line.name for line in moodle.import_questions(xml.encode())] == ["Question ordinaire"]


def test_a_name_with_double_hyphens_keeps_the_comment_well_formed():
    make_sjt(name="Visite -- urgente")
    xml = moodle.export_questions(Question.objects.all(), leave_out_sjt=True)
    moodle.parse(xml)  # raises MoodleFileError on malformed XML
    assert "« Visite - - urgente »" in xml.decode()


def test_whole_bank_export_confirms_what_is_left_out_then_downloads(client, trainer):
    make_sjt(name="Visite à domicile")
    make_sjt(name="Réunion de quartier")
    make_question("single", [("Oui", True), ("Non", False)], name="Question ordinaire")
    client.force_login(trainer)
    page = client.get(reverse("quizzes:moodle_export"))
    body = page.content.decode()
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    assert "Ces 2 questions seront laissées de côté" in body
    assert "« Réunion de quartier »" in body and "« Visite à domicile »" in body
    assert "Télécharger le fichier (1 question)" in body and "?confirmer=1" in body
    download = client.get(reverse("quizzes:moodle_export"), {"confirmer": "1"})
    assert download.status_code == 200 and download["Content-Type"].startswith("application/xml")
    assert "attachment" in download["Content-Disposition"]
    xml = download.content.decode()
    assert "« Réunion de quartier », « Visite à domicile »" in xml and "Question ordinaire" in xml
    assert "Proposer un entretien à la famille" not in xml


def test_a_category_with_an_sjt_question_is_still_refused_and_other_categories_export(client, trainer):
    question, _ids = make_sjt(name="Visite à domicile")
    other = make_question("single", [("Oui", True), ("Non", False)], category=make_category("Autre catégorie"))
    client.force_login(trainer)
    for params in ({"categorie": question.category_id}, {"categorie": question.category_id, "confirmer": "1"}):
        response = client.get(reverse("quizzes:moodle_export"), params, follow=True)
        page = response.content.decode()
        assert response.redirect_chain and "Export refusé" in page and "« Visite à domicile »" in page
    ok = client.get(reverse("quizzes:moodle_export"), {"categorie": other.category_id})
    assert ok.status_code == 200 and b'<question type="multichoice">' in ok.content


def test_moodle_import_is_unaffected(all_types):
    xml = moodle.export_questions(Question.objects.all())
    Question.objects.all().delete()
    report = moodle.import_questions(xml)
    assert all(line.imported for line in report)


# --- Admin validation ----------------------------------------------------------------------------------------


def sjt_post(category, ranks, mode="best_worst"):
    data = {
        "name": "Jugement créé dans l'admin",
        "qtype": "sjt",
        "sjt_mode": mode,
        "scoring_rule": "all_or_nothing",
        "category": str(category.pk),
        "text": "Une mère vous demande de ne rien dire au juge.",
        "accepted_answers": "",
        "feedback_correct": "",
        "feedback_incorrect": "",
        "explanation": "",
        "choices-TOTAL_FORMS": str(len(ranks)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for i, rank in enumerate(ranks):
        data.update(
            {
                f"choices-{i}-text": f"Réponse {i}",
                f"choices-{i}-match_text": "",
                f"choices-{i}-expert_rank": "" if rank is None else str(rank),
                f"choices-{i}-feedback": "",
                f"choices-{i}-ORDER": str(i + 1),
                f"choices-{i}-id": "",
                f"choices-{i}-DELETE": "",
            }
        )
    return data


def test_admin_saves_a_complete_ranking(client, trainer):
    client.force_login(trainer)
    response = client.post(reverse("wagtailsnippets_quizzes_question:add"), sjt_post(make_category(), [2, 1, 3]))
    assert response.status_code == 302, response.content[:3000]
    question = Question.objects.get(name="Jugement créé dans l'admin")
    assert question.qtype == "sjt" and [c.expert_rank for c in question.choices.all()] == [2, 1, 3]


@pytest.mark.parametrize(
    ("ranks", "message"),
    [
        ([1, 2], "entre 3 et 6 réponses (ici : 2)"),
        ([1, 2, 3, 4, 5, 6, 7], "entre 3 et 6 réponses (ici : 7)"),
        ([1, 2, 2], "Le rang 2 est donné à plusieurs réponses"),
        ([1, None, 3], "Donnez un rang à cette réponse"),
        ([1, 2, 5], "Le rang doit être compris entre 1 et 3."),
    ],
)
def test_admin_refuses_bad_responses_in_french(client, trainer, ranks, message):
    client.force_login(trainer)
    response = client.post(reverse("wagtailsnippets_quizzes_question:add"), sjt_post(make_category(), ranks))
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Question.objects.exists()


def test_admin_flags_the_duplicate_rank_at_its_field(client, trainer):
    client.force_login(trainer)
    response = client.post(reverse("wagtailsnippets_quizzes_question:add"), sjt_post(make_category(), [1, 3, 3]))
    form = response.context["form"]
    child_errors = [f.errors.get("expert_rank") for f in form.formsets["choices"].forms]
    assert child_errors[0] is None and child_errors[1] and child_errors[2]


def test_admin_form_offers_the_mode_and_the_expert_rank(client, trainer):
    client.force_login(trainer)
    page = client.get(reverse("wagtailsnippets_quizzes_question:add")).content.decode()
    assert "Jugement en situation" in page and 'name="sjt_mode"' in page
    assert "Meilleure et pire réponse" in page and "Classement" in page
    assert "expert_rank" in page


def test_trainer_report_lists_sjt_answers(client, learner):
    from quizzes import reports

    question, ids = make_sjt()
    attempt = start(client, learner, [question])
    client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        {"action": "submit", f"q{question.pk}-meilleure": ids[ENTRETIEN], f"q{question.pk}-moins-bonne": ids[COLLEGUE]},
    )
    [stat] = reports.question_stats(attempt.quiz)
    assert stat["percent_correct"] == 0
    assert stat["distribution"][0]["label"] == f"Meilleure réponse : {ENTRETIEN} ; Moins bonne réponse : {COLLEGUE}"
