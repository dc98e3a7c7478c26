"""The pages: joining, voting, following, the presenter screen, summaries and exports, and who may see what."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from accounts.permissions import Role
from cases.graph import presented_choices
from debrief import live
from debrief.models import LiveSession, Participant, Vote
from debrief.views.participant import GUEST_KEY
from tests.factories import make_guests, make_live_session, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(trainer):
    return make_live_session(trainer=trainer)


def join_as_guest(client, session, pseudonym="Invitée"):
    response = client.post(reverse("debrief:enter", args=[session.code]), {"pseudonym": pseudonym})
    assert response.status_code == 302
    return Participant.objects.get(token=client.session[GUEST_KEY][session.code])


def test_join_by_code_as_a_guest_vote_and_follow(client, session):
    page = client.get(reverse("debrief:join"))
    assert page.status_code == 200 and "Code de la séance" in page.content.decode()
    bad = client.post(reverse("debrief:join"), {"code": "ZZZZZZ"})
    assert bad.status_code == 400 and "Aucune séance ne correspond" in bad.content.decode()
    typed = f"{session.code[:3].lower()} {session.code[3:]}"
    assert client.post(reverse("debrief:join"), {"code": typed})["Location"] == f"/seance/{session.code}/"
    identity = client.get(reverse("debrief:room", args=[session.code]))
    assert "Votre pseudonyme" in identity.content.decode()
    assert client.post(reverse("debrief:enter", args=[session.code]), {"pseudonym": ""}).status_code == 400
    guest = join_as_guest(client, session, "Zoé")

    room = client.get(reverse("debrief:room", args=[session.code])).content.decode()
    assert "Vous participez en tant que Zoé" in room and "le vote va bientôt" in room
    state = client.get(reverse("debrief:state", args=[session.code])).json()
    before = state["version"]

    live.open_vote(session)
    state = client.get(reverse("debrief:state", args=[session.code])).json()
    assert state["version"] != before and 'name="choice"' in state["html"]
    url = reverse("debrief:vote", args=[session.code])
    response = client.post(url, {"node": "d1", "choice": "bon1", "comment": "Partir des habitants."}, follow=True)
    assert "Votre vote est enregistré." in response.content.decode()
    client.post(url, {"node": "d1", "choice": "mauvais1"})
    vote = Vote.objects.get(participant=guest)
    assert vote.choice_key == "mauvais1" and vote.comment == ""

    live.close_vote(session)
    refused = client.post(url, {"node": "d1", "choice": "bon1"})
    assert refused.status_code == 400 and "Le vote n&#x27;est pas ouvert" in refused.content.decode()
    live.show_feedback(session)
    html = client.get(reverse("debrief:state", args=[session.code])).json()["html"]
    assert "Répartition des votes" in html and "Retour pédagogique du choix bon1." in html
    assert Vote.objects.get(participant=guest).choice_key == "mauvais1"


def test_a_logged_in_learner_joins_with_the_account(client, session, learner):
    client.force_login(learner)
    page = client.get(reverse("debrief:room", args=[session.code])).content.decode()
    assert "Rejoindre avec mon compte" in page
    client.post(reverse("debrief:enter", args=[session.code]), {"compte": "1"})
    assert Participant.objects.get(session=session, user=learner).pseudonym == "Camille Apprenante"
    live.open_vote(session)
    client.post(reverse("debrief:vote", args=[session.code]), {"node": "d1", "choice": "bon1"})
    exported = live.Vote.objects.filter(participant__user=learner)
    assert exported.count() == 1
    from accounts.personal_data import export_data

    data = export_data(learner)["sections"]["seances_collectives"]
    assert data["votes"][0]["choix"] == "bon1"


def test_a_guest_cannot_see_or_vote_in_another_session(client, session, trainer):
    other = make_live_session(case=session.case, trainer=trainer)
    join_as_guest(client, session)
    live.open_vote(other)
    assert client.get(reverse("debrief:state", args=[other.code])).status_code == 403
    refused = client.post(reverse("debrief:vote", args=[other.code]), {"node": "d1", "choice": "bon1"})
    assert refused.status_code == 403
    assert "Votre pseudonyme" in client.get(reverse("debrief:room", args=[other.code])).content.decode()
    assert client.get(reverse("debrief:presenter", args=[session.code])).status_code == 302
    assert client.get(reverse("debrief:summary", args=[session.code])).status_code == 302
    assert client.get(reverse("debrief:room", args=["NOPE22"])).status_code == 404
    assert not Vote.objects.exists()


def test_an_ended_session_refuses_joining_and_voting(client, session):
    guest_client = Client()
    join_as_guest(guest_client, session)
    live.open_vote(session)
    live.end_session(session)
    assert client.post(reverse("debrief:join"), {"code": session.code}).status_code == 400
    assert client.get(reverse("debrief:room", args=[session.code])).status_code == 400
    assert client.post(reverse("debrief:enter", args=[session.code]), {"pseudonym": "Tard"}).status_code == 400
    response = guest_client.post(reverse("debrief:vote", args=[session.code]), {"node": "d1", "choice": "bon1"})
    assert response.status_code == 400 and "terminée" in response.content.decode()
    assert "La séance est terminée" in guest_client.get(reverse("debrief:room", args=[session.code])).content.decode()


def test_presenter_is_only_for_the_session_trainer(client, session, learner, admin_user):
    url = reverse("debrief:presenter", args=[session.code])
    assert "/comptes/login/" in client.get(url)["Location"]
    client.force_login(learner)
    assert client.get(url).status_code == 403
    client.force_login(make_user(Role.TRAINER))
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "open", "seconds": "0"}).status_code == 404
    assert client.get(reverse("debrief:summary", args=[session.code])).status_code == 404
    client.force_login(admin_user)
    assert client.get(reverse("debrief:summary", args=[session.code])).status_code == 200
    client.force_login(session.trainer)
    page = client.get(url).content.decode()
    assert session.code in page and 'class="qr-code"' in page and f"/seance/{session.code}/" in page
    assert "Ouvrir le vote" in page


def test_the_trainer_runs_a_node_from_the_presenter_screen(client, session):
    guests = make_guests(session, 3)
    client.force_login(session.trainer)
    url = reverse("debrief:presenter", args=[session.code])
    assert client.post(url, {"action": "open", "seconds": "60"}).status_code == 302
    for guest, choice in zip(guests, ["bon1", "bon1", "mauvais1"], strict=True):
        live.cast_vote(session, guest, "d1", choice)
    counts = client.get(reverse("debrief:presenter_state", args=[session.code])).json()
    assert counts["participants"] == 3 and counts["voters"] == 3 and counts["stage"] == "voting"
    page = client.get(url).content.decode()
    assert "Clore le vote" in page and "Répartition des votes" not in page  # the split waits for the trainer
    client.post(url, {"action": "close"})
    client.post(url, {"action": "split"})
    page = client.get(url).content.decode()
    assert "Répartition des votes (3 votes)" in page and "2 (67 %)" in page
    assert "Suivre la majorité : Bonne idée 1" in page
    again = client.post(url, {"action": "close"})
    assert again.status_code == 400 and "Le vote n&#x27;est pas ouvert" in again.content.decode()
    assert client.post(url, {"action": "bidule"}).status_code == 400
    client.post(url, {"action": "feedback"})
    assert "Le raisonnement expert" in client.get(url).content.decode()
    client.post(url, {"action": "follow", "choice": "mauvais1"})
    session.refresh_from_db()
    assert session.current_node_key == "d2"
    response = client.post(url, {"action": "end"})
    assert response["Location"] == reverse("debrief:summary", args=[session.code])


def test_case_page_offers_the_launch_to_trainers_only(client, session, learner):
    case = session.case
    client.force_login(learner)
    assert "Lancer une séance collective" not in client.get(case.url).content.decode()
    assert client.post(reverse("debrief:launch", args=[case.pk])).status_code == 403
    client.force_login(session.trainer)
    assert "Lancer une séance collective" in client.get(case.url).content.decode()
    response = client.post(reverse("debrief:launch", args=[case.pk]), {"group_name": "Groupe B"})
    new = LiveSession.objects.get(group_name="Groupe B")
    assert response["Location"] == reverse("debrief:presenter", args=[new.code])


def _finished(session, picks, comments=()):
    guests = make_guests(session, len(picks))
    node = session.current_node
    while not node.is_ending:
        live.open_vote(session)
        for index, (guest, pick) in enumerate(zip(guests, picks, strict=True)):
            choice = node.choices[pick]
            live.cast_vote(session, guest, node.key, choice.key, comments[index] if index < len(comments) else "")
        live.close_vote(session)
        session = live.follow(session)
        node = session.current_node
    return live.end_session(session)


def test_summary_exports_replay_and_comparison(client, session, django_assert_max_num_queries):
    session = _finished(session, [0, 0, 1], comments=["=SOMME(A1)", "On écoute d'abord."])
    client.force_login(session.trainer)
    page = client.get(reverse("debrief:summary", args=[session.code])).content.decode()
    assert "Le chemin suivi par le groupe" in page and "Une réussite collective" in page
    assert "On écoute d&#x27;abord." in page and "Exporter les votes (CSV)" in page

    csv_text = client.get(reverse("debrief:summary_csv", args=[session.code])).content.decode("utf-8-sig")
    lines = csv_text.splitlines()
    assert lines[0].startswith("rang;etape;titre_etape")
    # The letter follows the session's order of the choices (drawn per session).
    letter = "AB"[[c.key for c in presented_choices(session.graph.get("d1"), session.choice_order_seed)].index("bon1")]
    assert f"1;d1;Décision 1;Diagnostic partagé;{letter};bon1;Bonne idée 1;Recommandé;2;67;oui;la majorité" in lines
    comments = client.get(reverse("debrief:summary_csv", args=[session.code]) + "?contenu=commentaires")
    assert "'=SOMME(A1)" in comments.content.decode("utf-8-sig")

    pdf = client.get(reverse("debrief:summary_pdf", args=[session.code]))
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Décision 1" in text and "On écoute d'abord." in text

    response = client.post(reverse("debrief:replay", args=[session.code]), {"group_name": "Groupe 2"})
    replay = LiveSession.objects.get(group_name="Groupe 2")
    assert replay.replay_of == session and response["Location"].endswith(f"/seance/{replay.code}/animer/")
    _finished(replay, [1, 1, 0])
    for _i in range(3):
        _finished(make_live_session(case=session.case, trainer=session.trainer), [0, 1, 1])
    with django_assert_max_num_queries(25):
        compare = client.get(reverse("debrief:case_sessions", args=[session.case_id]))
    html = compare.content.decode()
    assert session.code in html and replay.code in html and "Un bilan mitigé" in html
    assert "2 vote(s) sur 3 · décidé par la majorité" in html


def test_the_countdown_words_come_translated_from_the_page(client, session, learner):
    join_as_guest(client, session)
    live.open_vote(session, seconds=60)
    html = client.get(reverse("debrief:state", args=[session.code])).json()["html"]
    assert 'data-template="(encore {minutes} min {seconds} s)"' in html
    learner.preferred_language = "en"
    learner.save()
    client.force_login(learner)
    live.join(session, user=learner)
    html = client.get(reverse("debrief:state", args=[session.code])).json()["html"]
    assert 'data-template="({minutes} min {seconds} s left)"' in html


def test_trying_codes_at_random_is_slowed_down(client, session, monkeypatch):
    from debrief import guard

    monkeypatch.setattr(guard, "MAX_MISSES", 3)
    for code in ("AAAAAA", "BBBBBB"):
        assert client.get(reverse("debrief:room", args=[code])).status_code == 404
    assert client.post(reverse("debrief:join"), {"code": "CCCCCC"}).status_code == 400
    # The real code is now refused too, from this address only.
    refused = client.get(reverse("debrief:room", args=[session.code]))
    assert refused.status_code == 429 and "Trop de codes inconnus" in refused.content.decode()
    assert client.post(reverse("debrief:join"), {"code": session.code}).status_code == 429
    elsewhere = Client(REMOTE_ADDR="192.0.2.44")
    assert elsewhere.get(reverse("debrief:room", args=[session.code])).status_code == 200
