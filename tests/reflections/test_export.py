"""Taking the journal away (PDF, Markdown ZIP), the account data export and erasure, the demo."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from accounts import personal_data
from reflections.models import Feedback, JournalEntry
from tests.factories import make_entry, make_feedback

pytestmark = pytest.mark.django_db

HTML = (
    "<p>Un <strong>atelier</strong> avec des <em>parents</em>.</p><ul><li>écouter</li><li>proposer</li></ul>"
    '<blockquote><p>Citation d’une mère</p></blockquote><p><a href="https://exemple.fr">source</a></p>'
)


def test_pdf_export(client, learner, trainer):
    entry = make_entry(learner, title="Atelier numérique", html=HTML, shared=True)
    make_feedback(entry, trainer, "Bien observé.")
    make_entry(learner, title="Deuxième entrée")
    client.force_login(learner)
    response = client.get(reverse("reflections:export_pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="collectif-journal-')
    assert response.content.startswith(b"%PDF") and len(response.content) > 1500


def test_pdf_of_an_empty_journal(client, learner):
    client.force_login(learner)
    assert client.get(reverse("reflections:export_pdf")).content.startswith(b"%PDF")


def test_markdown_zip_export(client, learner, other_learner, trainer):
    entry = make_entry(learner, title="Atelier numérique", html=HTML, shared=True)
    make_feedback(entry, trainer, "Bien observé.")
    make_entry(learner, title="Atelier numérique")  # same title: a distinct file name
    make_entry(other_learner, title="Pas la mienne")
    client.force_login(learner)
    response = client.get(reverse("reflections:export_markdown"))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = sorted(archive.namelist())
    assert len(names) == 2 and all(n.startswith("journal/") and n.endswith(".md") for n in names)
    first = next(n for n in names if n.endswith("atelier-numerique.md"))
    assert any(n.endswith("atelier-numerique-2.md") for n in names)
    text = archive.read(first).decode()
    assert text.startswith("# Atelier numérique")
    assert "**atelier**" in text and "*parents*" in text and "- écouter" in text and "> Citation" in text
    assert "[source](https://exemple.fr)" in text
    assert "## Retour de Nadia Formatrice" in text and "Bien observé." in text


def test_account_export_and_erasure_include_the_journal(learner, trainer):
    entry = make_entry(learner, title="Pour l'export", html=HTML, shared=True)
    given = make_feedback(entry, trainer, "Un retour.")
    archive = zipfile.ZipFile(io.BytesIO(personal_data.build_export_zip(learner)))
    data = json.loads(archive.read("donnees.json"))
    journal = data["sections"]["journal"]
    assert journal["entries"][0]["title"] == "Pour l'export"
    assert journal["entries"][0]["feedback"][0]["text"] == "<p>Un retour.</p>"
    assert any(name.startswith("journal/") and name.endswith("pour-lexport.md") for name in archive.namelist())
    trainer_data = personal_data.export_data(trainer)["sections"]["journal"]
    assert trainer_data["feedback_given"][0]["entry_id"] == entry.pk

    personal_data.delete_account(learner)
    assert not JournalEntry.objects.exists() and not Feedback.objects.filter(pk=given.pk).exists()


def test_trainer_account_deletion_keeps_the_learners_feedback_anonymously(learner, trainer):
    entry = make_entry(learner, shared=True)
    feedback = make_feedback(entry, trainer, "Toujours utile.")
    personal_data.delete_account(trainer)
    feedback.refresh_from_db()
    assert feedback.author is None and feedback.body_html == "<p>Toujours utile.</p>"
