"""Team journal (analyse de pratiques): who reads and moderates, posting, replies, hiding, closing, exports."""

import html
import io
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from accounts.permissions import Role
from teamjournal import journal as team_journal
from teamjournal.access import facilitated_teams, is_facilitator, participating_teams
from teamjournal.models import Contribution, PracticeSession
from tests.factories import make_contribution, make_practice_session, make_team, make_user
from tests.reflections.payloads import HOSTILE_PAYLOADS
from tests.reflections.test_sanitize import assert_nothing_executable

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    member = make_user(Role.LEARNER, display_name="Inès Membre")
    colleague = make_user(Role.LEARNER, display_name="Hugo Collègue")
    manager = make_user(Role.MANAGER, display_name="Julien Responsable")
    trainer = make_user(Role.TRAINER, display_name="Nadia Formatrice")
    team = make_team(manager=manager, members=[member, colleague])
    team.trainers.add(trainer)
    other_member = make_user(Role.LEARNER, display_name="Autre Équipe")
    other_manager = make_user(Role.MANAGER, display_name="Autre Responsable")
    make_team(name="Autre équipe", manager=other_manager, members=[other_member])
    return {
        "team": team,
        "member": member,
        "colleague": colleague,
        "manager": manager,
        "trainer": trainer,
        "other_member": other_member,
        "other_manager": other_manager,
        "outsider": make_user(Role.LEARNER, display_name="Sans Équipe"),
        "other_trainer": make_user(Role.TRAINER, display_name="Autre Formatrice"),
        "admin": make_user(Role.ADMIN, display_name="Admin", is_staff=True, is_superuser=True),
    }


@pytest.fixture
def session(people):
    return make_practice_session(people["team"], opened_by=people["trainer"], title="Premier groupe d'habitants")


def _read_urls(session):
    return [
        reverse("reflections:team_session", args=[session.pk]),
        reverse("reflections:team_export_pdf", args=[session.pk]),
        reverse("reflections:team_export_markdown", args=[session.pk]),
    ]


def _facilitator_urls(session):
    return [
        reverse("reflections:team_session_new", args=[session.team_id]),
        reverse("reflections:team_session_close", args=[session.pk]),
    ]


# --- Access ---------------------------------------------------------------------------------------------


def test_the_rule_facilitators_are_trainers_and_managers_participants_add_members(people):
    team = people["team"]
    for key in ("member", "colleague", "manager", "trainer"):
        assert team in participating_teams(people[key]), key
    for key in ("manager", "trainer"):
        assert is_facilitator(people[key], team) and team in facilitated_teams(people[key])
    for key in ("member", "colleague", "other_member", "other_manager", "outsider", "other_trainer", "admin"):
        assert not is_facilitator(people[key], team), key
    for key in ("other_member", "other_manager", "outsider", "other_trainer", "admin"):
        assert team not in participating_teams(people[key]), key


def test_outsiders_get_404_everywhere(client, people, session):
    contribution = make_contribution(session, people["member"], html="<p>Texte de l'équipe seulement.</p>")
    team_journal.close(session, people["trainer"])
    for key in ("other_member", "other_manager", "outsider", "other_trainer", "admin"):
        client.force_login(people[key])
        for url in _read_urls(session) + _facilitator_urls(session):
            assert client.get(url).status_code == 404, (key, url)
        for name in ("reflections:team_hide", "reflections:team_unhide"):
            assert client.post(reverse(name, args=[contribution.pk])).status_code == 404, (key, name)
        response = client.post(reverse("reflections:team_contribute", args=[session.pk]), {"body_text": "intrus"})
        assert response.status_code == 404
        index = client.get(reverse("reflections:team_index")).content.decode()
        assert "Premier groupe" not in index and "Texte de l'équipe" not in index
    assert not Contribution.objects.filter(body_html__contains="intrus").exists()


def test_anonymous_is_sent_to_login(client, session):
    urls = _read_urls(session) + _facilitator_urls(session) + [reverse("reflections:team_index")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/comptes/login/" in response["Location"], url


def test_members_read_and_post_but_may_not_moderate(client, people, session):
    contribution = make_contribution(session, people["colleague"], html="<p>Ce qui m'a surpris.</p>")
    client.force_login(people["member"])
    response = client.get(reverse("reflections:team_session", args=[session.pk]))
    assert response.status_code == 200 and "Ce qui m'a surpris." in response.content.decode()
    assert "Masquer" not in response.content.decode() and "Clore la séance" not in response.content.decode()
    for url in _facilitator_urls(session):
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("reflections:team_hide", args=[contribution.pk])).status_code == 403
    assert client.post(reverse("reflections:team_session_close", args=[session.pk])).status_code == 403
    contribution.refresh_from_db()
    session.refresh_from_db()
    assert not contribution.is_hidden and not session.is_closed


def test_team_managers_and_trainers_facilitate(client, people, session):
    for key in ("manager", "trainer"):
        client.force_login(people[key])
        response = client.get(reverse("reflections:team_session", args=[session.pk]))
        assert response.status_code == 200 and "Clore la séance" in response.content.decode()
        assert client.get(reverse("reflections:team_session_new", args=[session.team_id])).status_code == 200


# --- Opening, posting, replies ------------------------------------------------------------------------------


def test_facilitator_opens_a_session_with_cleaned_description(client, people):
    client.force_login(people["trainer"])
    url = reverse("reflections:team_session_new", args=[people["team"].pk])
    response = client.post(url, {"title": "", "date": "pas une date", "description": "garder ce texte"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "garder ce texte" in body and 'aria-invalid="true"' in body
    response = client.post(
        url, {"title": "Aller vers", "date": "2025-03-14", "description": "Un thème\n\n<script>alert(1)</script>"}
    )
    session = PracticeSession.objects.get(title="Aller vers")
    assert response.status_code == 302 and response["Location"] == reverse(
        "reflections:team_session", args=[session.pk]
    )
    assert session.opened_by == people["trainer"] and str(session.date) == "2025-03-14"
    assert "<script" not in session.description_html and "&lt;script&gt;" in session.description_html


def test_member_posts_a_contribution_and_replies_one_level(client, people, session):
    client.force_login(people["member"])
    url = reverse("reflections:team_contribute", args=[session.pk])
    response = client.post(url, {"body_text": "Huit personnes sont venues.\n\n- le chauffage\n- les charges"})
    contribution = Contribution.objects.get(session=session, parent=None)
    assert response.status_code == 302 and response["Location"].endswith(f"#contribution-{contribution.pk}")
    assert contribution.author == people["member"]
    assert (
        contribution.body_html == "<p>Huit personnes sont venues.</p><ul><li>le chauffage</li><li>les charges</li></ul>"
    )

    client.force_login(people["colleague"])
    client.post(url, {"body_text": "Même chose chez nous.", "parent": contribution.pk})
    reply = Contribution.objects.get(parent=contribution)
    # A reply to a reply joins the same thread: replies are one level deep.
    client.post(url, {"body_text": "Et ensuite ?", "parent": reply.pk})
    assert Contribution.objects.filter(parent=contribution).count() == 2
    assert not Contribution.objects.filter(parent=reply).exists()

    page = client.get(reverse("reflections:team_session", args=[session.pk])).content.decode()
    assert "Même chose chez nous." in page and "Et ensuite ?" in page and "Réponse de Hugo Collègue" in page


def test_empty_or_oversized_text_is_refused_and_kept(client, people, session):
    client.force_login(people["member"])
    url = reverse("reflections:team_contribute", args=[session.pk])
    response = client.post(url, {"body_text": "   "})
    assert response.status_code == 400 and 'aria-invalid="true"' in response.content.decode()
    long_text = "mot " * 20_000
    response = client.post(url, {"body_text": long_text})
    assert response.status_code == 400
    assert "longueur maximale" in response.content.decode() and long_text.strip() in response.content.decode()
    parent = make_contribution(session, people["colleague"])
    response = client.post(url, {"body_text": "", "parent": parent.pk})
    body = response.content.decode()
    assert response.status_code == 400 and f'id="reply-{parent.pk}-errors"' in body and "open" in body
    assert Contribution.objects.filter(session=session).count() == 1


def test_reply_to_a_contribution_of_another_session_is_404(client, people, session):
    other = make_practice_session(people["team"], opened_by=people["trainer"], title="Autre séance")
    foreign = make_contribution(other, people["colleague"])
    client.force_login(people["member"])
    url = reverse("reflections:team_contribute", args=[session.pk])
    assert client.post(url, {"body_text": "réponse", "parent": foreign.pk}).status_code == 404


def test_hostile_html_is_cleaned_in_contributions(client, people, session):
    client.force_login(people["member"])
    url = reverse("reflections:team_contribute", args=[session.pk])
    for payload in HOSTILE_PAYLOADS[:12]:
        assert client.post(url, {"body_text": payload}).status_code == 302
    for contribution in Contribution.objects.filter(session=session):
        # Typed in the plain textarea, markup is escaped: shown as text, never parsed as elements.
        soup = BeautifulSoup(contribution.body_html, "html.parser")
        assert {element.name for element in soup.find_all(True)} <= {"p", "br"}
        assert all(not element.attrs for element in soup.find_all(True))
    # The service cleans what it is given as HTML too (the demo and any future rich editor go through it).
    from reflections.services import prepare

    for payload in HOSTILE_PAYLOADS:
        stored = team_journal.contribute(session, people["member"], prepare("", raw_html=payload)[1])
        assert_nothing_executable(stored.body_html)
    page = client.get(reverse("reflections:team_session", args=[session.pk])).content.decode()
    soup = BeautifulSoup(page, "html.parser")
    assert all(script.get("src") or script.get("type") == "application/json" for script in soup.find_all("script"))
    for element in soup.find_all(True):
        assert not any(name.lower().startswith("on") for name in element.attrs), element
        assert not element.get("href", "").lower().startswith(("javascript", "data", "vbscript")), element


# --- Hiding, closing, exports -------------------------------------------------------------------------------


def test_hidden_contribution_is_kept_for_its_author_only(client, people, session):
    contribution = make_contribution(session, people["member"], html="<p>Propos à retirer.</p>")
    client.force_login(people["trainer"])
    response = client.post(reverse("reflections:team_hide", args=[contribution.pk]))
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.is_hidden and contribution.hidden_by == people["trainer"]
    assert contribution.body_html == "<p>Propos à retirer.</p>"
    detail = reverse("reflections:team_session", args=[session.pk])
    for key in ("colleague", "trainer", "manager"):
        client.force_login(people[key])
        body = client.get(detail).content.decode()
        assert "Propos à retirer." not in body and "Contribution masquée par l'animateur·rice." in body, key
    client.force_login(people["member"])
    body = client.get(detail).content.decode()
    assert "Propos à retirer." in body and "vous seul·e en voyez encore le texte" in body

    client.force_login(people["manager"])
    client.post(reverse("reflections:team_unhide", args=[contribution.pk]))
    client.force_login(people["colleague"])
    assert "Propos à retirer." in client.get(detail).content.decode()


def test_closing_stops_posting_with_a_clear_message_and_keeps_the_text(client, people, session):
    client.force_login(people["trainer"])
    url = reverse("reflections:team_session_close", args=[session.pk])
    assert "plus personne ne peut contribuer" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    session.refresh_from_db()
    assert session.is_closed and session.closed_by == people["trainer"]

    client.force_login(people["member"])
    response = client.post(reverse("reflections:team_contribute", args=[session.pk]), {"body_text": "Trop tard !"})
    body = response.content.decode()
    assert response.status_code == 409
    assert "Cette séance est close : on ne peut plus y contribuer." in body and "Trop tard !" in body
    assert not Contribution.objects.filter(session=session).exists()
    page = client.get(reverse("reflections:team_session", args=[session.pk])).content.decode()
    assert "Publier ma contribution" not in page and "Répondre" not in page and "Télécharger en PDF" in page
    with pytest.raises(team_journal.SessionClosed):
        team_journal.contribute(session, people["member"], "<p>non</p>")


def test_only_closed_sessions_are_exported_with_hidden_text_left_out(client, people, session):
    first = make_contribution(session, people["member"], html="<p>Le chauffage <strong>collectif</strong>.</p>")
    make_contribution(session, people["colleague"], html="<p>Une réponse.</p>", parent=first)
    make_contribution(session, people["colleague"], html="<p>Texte masqué.</p>", hidden=True)
    client.force_login(people["member"])
    pdf_url = reverse("reflections:team_export_pdf", args=[session.pk])
    md_url = reverse("reflections:team_export_markdown", args=[session.pk])
    assert client.get(pdf_url).status_code == 302  # still open: back to the session with a message

    team_journal.close(session, people["trainer"])
    response = client.get(pdf_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and "attachment" in response["Content-Disposition"]
    response = client.get(md_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        (name,) = archive.namelist()
        text = archive.read(name).decode()
    assert name.startswith("analyse-de-pratiques-") and name.endswith(".md")
    assert "# Premier groupe d'habitants" in text and "Le chauffage **collectif**." in text
    assert "### Réponse de Hugo Collègue" in text and "Une réponse." in text
    assert "Texte masqué." not in text and "Contribution masquée par l'animateur·rice." in text


# --- Entry points, personal data, demo ---------------------------------------------------------------------


def test_myspace_lists_open_sessions_and_team_dashboard_links_to_the_journal(client, people, session):
    make_practice_session(people["team"], opened_by=people["trainer"], title="Séance terminée", closed=True)
    client.force_login(people["member"])
    body = html.unescape(client.get(reverse("my_space")).content.decode())
    assert "Journal d'équipe" in body and "Premier groupe d'habitants" in body and "Séance terminée" not in body
    client.force_login(people["outsider"])
    assert "Premier groupe" not in client.get(reverse("my_space")).content.decode()
    client.force_login(people["manager"])
    dashboard = client.get(reverse("teams:dashboard", args=[people["team"].pk])).content.decode()
    assert f"{reverse('reflections:team_index')}#team-{people['team'].pk}" in dashboard
    index = html.unescape(client.get(reverse("reflections:team_index")).content.decode())
    assert "Séance terminée" in index and "Ouvrir une séance" in index


def test_personal_data_export_and_erasure(people, session):
    from accounts.personal_data import delete_account, export_data

    answered = make_contribution(session, people["member"], html="<p>Première.</p>")
    make_contribution(session, people["colleague"], html="<p>Je réponds.</p>", parent=answered)
    make_contribution(session, people["member"], html="<p>Seule.</p>")
    make_contribution(session, people["member"], html="<p>Ma réponse.</p>", parent=answered)
    exported = export_data(people["member"])["sections"]["journal-equipe"]["contributions"]
    assert [c["text"] for c in exported] == ["<p>Première.</p>", "<p>Seule.</p>", "<p>Ma réponse.</p>"]
    assert exported[0]["session"] == "Premier groupe d'habitants" and exported[2]["reply"] is True

    delete_account(people["member"])
    remaining = list(Contribution.objects.filter(session=session).order_by("pk"))
    assert [c.body_html for c in remaining] == ["", "<p>Je réponds.</p>"]
    assert remaining[0].author is None and remaining[0].removed_at is not None

    # Deleting the account from the admin (without the "delete my account" page) follows the same rule.
    make_contribution(session, people["colleague"], html="<p>Autre.</p>")
    people["colleague"].delete()
    assert not Contribution.objects.filter(body_html__in=["<p>Je réponds.</p>", "<p>Autre.</p>"]).exists()


def test_query_counts_on_index_and_detail(client, people, django_assert_max_num_queries):
    team = people["team"]
    for i in range(8):
        s = make_practice_session(team, opened_by=people["trainer"], title=f"Séance {i}", closed=i % 2 == 0)
        for j in range(4):
            parent = make_contribution(s, people["member"] if j % 2 else people["colleague"])
            make_contribution(s, people["trainer"], parent=parent)
            make_contribution(s, people["manager"], parent=parent, hidden=j == 1)
    client.force_login(people["member"])
    with django_assert_max_num_queries(9):
        assert client.get(reverse("reflections:team_index")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("reflections:team_session", args=[s.pk])).status_code == 200


def test_demo_loads_twice_and_renders(client, db):
    from core import demo as core_demo

    loaders = {loader.key: loader for loader in core_demo.loaders()}
    assert loaders["reflections-team"].order > loaders["teams"].order
    from teamjournal import demo as team_demo
    from teams.demo import LEARNER_EMAIL, TRAINER_EMAIL

    trainer = make_user(Role.TRAINER, email=TRAINER_EMAIL)
    learner = make_user(Role.LEARNER, email=LEARNER_EMAIL)
    members = [make_user(display_name=f"Membre {i}") for i in range(2)]
    team = make_team(name=team_demo.TEAM_NAME, organisation=team_demo.ORGANISATION, members=[learner, *members])
    assert team_demo.load() and team_demo.load()
    session = PracticeSession.objects.get(team=team)
    assert session.contributions.count() == len(team_demo.CONTRIBUTIONS)
    assert session.contributions.filter(parent__isnull=False).count() == 2
    for user in (trainer, learner):
        client.force_login(user)
        body = client.get(reverse("reflections:team_session", args=[session.pk])).content.decode()
        assert "ce qui nous a surpris" in body and "chauffage collectif" in body
