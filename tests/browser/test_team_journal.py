"""Team journal journey in Chromium: a facilitator opens a session, a member contributes and replies, the
facilitator hides a contribution and closes the session; axe on every team-journal page."""

import re

import pytest
from playwright.sync_api import expect

from accounts.permissions import Role
from teamjournal.models import Contribution, PracticeSession
from tests.a11y import assert_no_axe_violations
from tests.factories import make_contribution, make_team, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_open_contribute_reply_hide_close(page_as, live_server):
    trainer = make_user(Role.TRAINER, display_name="Nadia Formatrice")
    member = make_user(Role.LEARNER, display_name="Inès Membre")
    colleague = make_user(Role.LEARNER, display_name="Hugo Collègue")
    team = make_team(members=[member, colleague])
    team.trainers.add(trainer)

    facilitator = page_as(trainer)
    facilitator.goto(f"{live_server.url}/mon-espace/")
    facilitator.get_by_role("link", name="Ouvrir une séance pour Équipe accueil").click()
    assert_no_axe_violations(facilitator)
    facilitator.get_by_label("Thème de la séance").fill("Premier groupe : ce qui nous a surpris")
    facilitator.get_by_label("Présentation et consignes").fill(
        "Racontez une première réunion.\n\n- Décrire\n- Comprendre"
    )
    facilitator.get_by_role("button", name="Ouvrir la séance").click()
    expect(facilitator.get_by_role("heading", level=1)).to_have_text("Premier groupe : ce qui nous a surpris")
    session = PracticeSession.objects.get()
    session_url = f"{live_server.url}/journal/equipe/seances/{session.pk}/"
    make_contribution(session, colleague, html="<p>Le silence m'a surpris au début.</p>")

    writer = page_as(member)
    writer.goto(f"{live_server.url}/mon-espace/")
    writer.get_by_role("link", name="Premier groupe : ce qui nous a surpris").click()
    expect(writer).to_have_url(session_url)
    writer.get_by_label("Votre contribution").fill("Huit personnes sont venues.\n\n<script>alert(1)</script>")
    writer.get_by_role("button", name="Publier ma contribution").click()
    expect(writer.locator(".message--success")).to_contain_text("Votre contribution est publiée.")
    expect(writer.get_by_text("<script>alert(1)</script>")).to_be_visible()  # shown as text, never run
    # Replying with the keyboard only: open the disclosure, type, send.
    colleague_card = writer.locator("article", has_text="Le silence m'a surpris")
    colleague_card.get_by_text("Répondre").focus()
    writer.keyboard.press("Enter")
    colleague_card.get_by_label("Votre réponse à Hugo Collègue").fill("Moi aussi, j'ai compté dans ma tête.")
    colleague_card.get_by_role("button", name="Publier la réponse").click()
    expect(writer.get_by_role("heading", name=re.compile("^Réponse de Inès Membre"))).to_be_visible()
    assert_no_axe_violations(writer)
    mine = Contribution.objects.get(author=member, parent__isnull=True)

    facilitator.goto(session_url)
    own_card = facilitator.locator(f"#contribution-{mine.pk}")
    own_card.get_by_role("button", name="Masquer la contribution de Inès Membre").click()
    expect(facilitator.locator(f"#contribution-{mine.pk}")).to_contain_text(
        "Contribution masquée par l'animateur·rice."
    )
    expect(facilitator.get_by_text("Huit personnes sont venues.")).to_have_count(0)
    writer.reload()
    expect(writer.get_by_text("Huit personnes sont venues.")).to_be_visible()
    expect(writer.get_by_text("vous seul·e en voyez encore le texte")).to_be_visible()

    facilitator.get_by_role("link", name="Clore la séance").click()
    assert_no_axe_violations(facilitator)
    facilitator.get_by_role("button", name="Clore la séance").click()
    expect(facilitator.locator(".team-journal__closed")).to_contain_text("on ne peut plus y contribuer")
    expect(facilitator.get_by_role("link", name="Télécharger en PDF")).to_be_visible()
    assert_no_axe_violations(facilitator)

    writer.get_by_label("Votre contribution").fill("Un dernier mot.")
    writer.get_by_role("button", name="Publier ma contribution").click()
    expect(writer.locator(".message--error")).to_contain_text("Cette séance est close")
    expect(writer.get_by_label("Votre texte, non publié (copiez-le pour le garder)")).to_have_value("Un dernier mot.")
    with writer.expect_download() as download:
        writer.get_by_role("link", name="Télécharger en Markdown (ZIP)").click()
    assert download.value.suggested_filename.endswith(".zip")
    writer.goto(f"{live_server.url}/journal/equipe/")
    expect(writer.get_by_role("heading", name=re.compile("Équipe accueil"))).to_be_visible()
    assert_no_axe_violations(writer)
