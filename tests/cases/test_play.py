"""Playing a case without JavaScript: one node at a time, justification first, resume, replay, bad input."""

import html

import pytest
from django.urls import reverse

from cases import play
from cases.models import CaseAttempt, CaseDecision
from cases.publishing import publish_case
from progress.models import ActivityResult, Status
from statements.models import Statement
from tests.factories import case_choice, case_decision, case_ending, make_case

pytestmark = pytest.mark.django_db

JUSTIFICATION = "Parce que le groupe doit décider."


def text(response):
    return html.unescape(response.content.decode())


def start(client, case):
    response = client.post(reverse("cases:start", args=[case.pk]))
    assert response.status_code == 302
    return CaseAttempt.objects.filter(case=case).latest("started_at")


def decide(client, attempt, choice, justification=JUSTIFICATION, step=None, node=None):
    attempt.refresh_from_db()
    return client.post(
        reverse("cases:play", args=[attempt.pk]),
        {
            "action": "decide",
            "step": attempt.decisions.count() if step is None else step,
            "node": node or attempt.current_node_key,
            "choice": choice,
            "justification": justification,
        },
    )


def go_on(client, attempt):
    return client.post(reverse("cases:play", args=[attempt.pk]), {"action": "continue"})


def test_case_page_renders_for_everyone_and_offers_to_start(client, learner):
    case = make_case()
    response = client.get(case.url)
    assert response.status_code == 200
    assert "Se connecter pour jouer le cas" in text(response)
    client.force_login(learner)
    body = text(client.get(case.url))
    assert "Commencer le cas" in body and "Quartier fictif" in body
    index = text(client.get("/cas/"))
    assert case.title in index


def test_full_play_through_with_feedback_debrief_progress_and_statements(client, learner):
    case = make_case()
    client.force_login(learner)
    attempt = start(client, case)
    assert attempt.revision_id == case.live_revision_id
    page = text(client.get(reverse("cases:play", args=[attempt.pk])))
    assert "Décision 1" in page and "Bonne idée 1" in page and "Pourquoi ce choix ?" in page
    assert "Recommandé" not in page  # quality is only revealed in the feedback

    for choice in ["bon1", "mauvais2", "bon3", "bon4", "bon5"]:
        response = decide(client, attempt, choice)
        assert response.status_code == 302
        feedback = text(client.get(reverse("cases:play", args=[attempt.pk])))
        assert f"Retour pédagogique du choix {choice}." in feedback
        assert ("À éviter" if choice.startswith("mauvais") else "Recommandé") in feedback
        assert JUSTIFICATION in feedback
        response = go_on(client, attempt)
    assert response.url == reverse("cases:debrief", args=[attempt.pk])

    attempt.refresh_from_db()
    assert attempt.status == CaseAttempt.Status.COMPLETED and attempt.ending_key == "fin-bonne"
    assert attempt.score == pytest.approx(0.8)
    debrief = text(client.get(response.url))
    assert "Une réussite collective" in debrief and "80 %" in debrief
    assert "Votre parcours" in debrief and "Parcours recommandé" in debrief
    assert "Fausse piste 2" in debrief and "Bonne idée 2" in debrief
    assert "Mobilisation des personnes et des partenaires" in debrief

    decisions = list(CaseDecision.objects.filter(attempt=attempt))
    assert [d.choice_key for d in decisions] == ["bon1", "mauvais2", "bon3", "bon4", "bon5"]
    assert all(d.justification == JUSTIFICATION and d.presented_at for d in decisions)
    result = ActivityResult.objects.get(user=learner, activity_key=f"case:{case.pk}")
    assert result.status == Status.COMPLETED and result.score == pytest.approx(0.8)
    chose = Statement.objects.filter(user=learner, verb="https://w3id.org/xapi/adl/verbs/chose")
    assert chose.count() == 5
    first = chose.order_by("stored_at").first().data
    assert first["result"]["response"] in {"bon1", "mauvais2", "bon3", "bon4", "bon5"}
    assert any(value == JUSTIFICATION for value in first["result"]["extensions"].values())


def test_empty_or_short_justification_stops_the_learner_and_records_nothing(client, learner):
    case = make_case(justification_min_length=15)
    client.force_login(learner)
    attempt = start(client, case)
    response = decide(client, attempt, "bon1", justification="  ")
    body = text(response)
    assert response.status_code == 200
    assert "ce champ est obligatoire" in body and 'aria-invalid="true"' in body
    assert 'href="#id_justification"' in body
    response = decide(client, attempt, "bon1", justification="Trop court")
    assert "il en faut au moins 15" in text(response)
    response = decide(client, attempt, "", justification=JUSTIFICATION)
    assert "Choisissez une des options proposées." in text(response)
    assert not CaseDecision.objects.exists()


def test_optional_justification(client, learner):
    case = make_case(justification_required=False)
    client.force_login(learner)
    attempt = start(client, case)
    assert decide(client, attempt, "bon1", justification="").status_code == 302
    assert CaseDecision.objects.get().justification == ""


def test_resume_at_the_same_node_and_feedback(client, learner):
    case = make_case()
    client.force_login(learner)
    attempt = start(client, case)
    decide(client, attempt, "bon1")
    # Leaving on the feedback and coming back shows the same feedback.
    assert "Retour pédagogique du choix bon1." in text(client.get(reverse("cases:play", args=[attempt.pk])))
    go_on(client, attempt)
    case_page = text(client.get(case.url))
    assert "Reprendre ma tentative en cours" in case_page
    assert "Décision 2" in text(client.get(reverse("cases:play", args=[attempt.pk])))
    space = text(client.get(reverse("my_space")))
    assert "Mes cas pratiques" in space and f"Reprendre « {case.title} »" in space


def test_replay_starts_a_new_attempt_and_keeps_the_old_ones(client, learner):
    case = make_case()
    client.force_login(learner)
    first = start(client, case)
    for choice in ["bon1", "bon2", "bon3", "bon4", "mauvais5"]:
        decide(client, first, choice)
        go_on(client, first)
    second = start(client, case)
    assert second.pk != first.pk and second.number == 2
    CaseAttempt.objects.filter(pk=second.pk).update(started_at=second.started_at - play.DOUBLE_CLICK_WINDOW)
    third = start(client, case)
    second.refresh_from_db()
    assert second.status == CaseAttempt.Status.ABANDONED and third.number == 3
    page = text(client.get(case.url))
    assert "Voir le bilan de la tentative 1" in page and "Reprendre la tentative 3" in page
    assert client.get(reverse("cases:play", args=[second.pk])).status_code == 400
    space = text(client.get(reverse("my_space")))
    assert f"Bilan de « {case.title} » (tentative 1)" in space


def test_attempt_plays_the_revision_it_started_on(client, learner):
    """A case republished mid-way: the learner continues on the version they started."""
    case = make_case()
    client.force_login(learner)
    attempt = start(client, case)
    decide(client, attempt, "bon1")
    go_on(client, attempt)

    case.refresh_from_db()
    edited = case.specific
    edited.nodes = [
        case_decision("nouveau", [case_choice("x", "fin"), case_choice("y", "fin")], start=True, title="Nouvelle"),
        case_ending("fin", "Fin unique"),
    ]
    publish_case(edited)
    assert client.get(case.url).status_code == 200

    page = text(client.get(reverse("cases:play", args=[attempt.pk])))
    assert "Décision 2" in page and "Nouvelle" not in page
    for choice in ["bon2", "bon3", "bon4", "bon5"]:
        assert decide(client, attempt, choice).status_code == 302
        go_on(client, attempt)
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.ending_key == "fin-bonne"
    assert "Une réussite collective" in text(client.get(reverse("cases:debrief", args=[attempt.pk])))
    # A new attempt starts on the new live version.
    new = start(client, case)
    assert new.current_node_key == "nouveau" and new.revision_id != attempt.revision_id


def test_choice_not_of_the_current_node_is_refused(client, learner):
    case = make_case()
    client.force_login(learner)
    attempt = start(client, case)
    response = decide(client, attempt, "bon3")
    assert response.status_code == 400
    assert "n'appartient pas à l'étape en cours" in text(response)
    response = decide(client, attempt, "bon1", node="d3")
    assert response.status_code == 400
    assert not CaseDecision.objects.exists()


def test_double_submission_is_refused_and_recorded_once(client, learner):
    case = make_case()
    client.force_login(learner)
    attempt = start(client, case)
    assert decide(client, attempt, "bon1", step=0, node="d1").status_code == 302
    response = decide(client, attempt, "bon1", step=0, node="d1")
    assert response.status_code == 400
    assert "déjà été enregistré" in text(response)
    go_on(client, attempt)
    assert decide(client, attempt, "bon1", step=0, node="d1").status_code == 400
    assert CaseDecision.objects.filter(attempt=attempt).count() == 1
    # The service refuses it too, under its lock.
    with pytest.raises(play.PlayError):
        play.decide(attempt, step=0, node_key="d1", choice_key="bon1", justification=JUSTIFICATION)
    assert CaseDecision.objects.filter(attempt=attempt).count() == 1


def test_posting_to_a_finished_attempt_is_refused(client, learner):
    case = make_case()
    client.force_login(learner)
    attempt = start(client, case)
    for choice in ["bon1", "bon2", "bon3", "bon4", "bon5"]:
        decide(client, attempt, choice)
        go_on(client, attempt)
    response = decide(client, attempt, "bon1", step=5, node="fin-bonne")
    assert response.status_code == 400
    assert CaseDecision.objects.filter(attempt=attempt).count() == 5


def test_another_users_attempt_is_not_found(client, learner, other_learner):
    case = make_case()
    client.force_login(learner)
    attempt = start(client, case)
    client.force_login(other_learner)
    assert client.get(reverse("cases:play", args=[attempt.pk])).status_code == 404
    assert decide(client, attempt, "bon1").status_code == 404
    assert client.get(reverse("cases:debrief", args=[attempt.pk])).status_code == 404
    assert not CaseDecision.objects.exists()


def test_anonymous_visitors_are_sent_to_login(client):
    case = make_case()
    response = client.post(reverse("cases:start", args=[case.pk]))
    assert response.status_code == 302 and "/comptes/login/" in response.url


def test_draft_case_cannot_be_started(client, learner):
    case = make_case(live=False)
    client.force_login(learner)
    assert client.post(reverse("cases:start", args=[case.pk])).status_code == 404


def test_personal_data_export_contains_decisions(learner):
    from accounts.personal_data import export_data

    case = make_case()
    attempt = play.start_attempt(learner, case)
    play.decide(attempt, step=0, node_key="d1", choice_key="bon1", justification=JUSTIFICATION)
    section = export_data(learner)["sections"]["cas_pratiques"]
    assert section[0]["cas"] == case.title
    assert section[0]["decisions"][0]["justification"] == JUSTIFICATION


def test_a_double_click_on_start_resumes_the_attempt_it_just_started(client, learner):
    case = make_case()
    client.force_login(learner)
    first = start(client, case)
    again = start(client, case)
    assert again.pk == first.pk
    assert CaseAttempt.objects.filter(user=learner, case=case).count() == 1
