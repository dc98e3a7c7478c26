"""Sharing with a personal-data check, trainers' feedback and the learner's notifications."""

import pytest
from django.core import mail
from django.urls import reverse

from reflections.models import Feedback, JournalEntry
from reflections.pii import find_personal_data
from tests.factories import make_entry, make_feedback, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _trainer_trains_the_learners_team(learner, trainer):
    """The reading trainer of these tests is linked to the author: they train her team (reflections/access.py)."""
    make_team(members=[learner]).trainers.add(trainer)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("écrire à marie.durand@exemple.fr demain", "email"),
        ("son portable : 06 12 34 56 78", "phone"),
        ("fixe 01.45.67.89.10", "phone"),
        ("joignable au +33 6 12 34 56 78", "phone"),
        ("ou au 0033612345678", "phone"),
        ("NIR 2 84 05 75 123 456 78", "nir"),
        ("NIR 184057512345678", "nir"),
        ("numéro 1 84 05 2A 123 456", "nir"),
        ("elle habite 12 rue des Lilas", "address"),
        ("au 3 bis avenue Jean Jaurès", "address"),
        ("47, boulevard de la Libération", "address"),
        ("5 impasse du Moulin", "address"),
    ],
)
def test_probable_personal_data_is_found(text, kind):
    findings = find_personal_data(text)
    assert [f.kind for f in findings] == [kind], findings


@pytest.mark.parametrize(
    "text",
    [
        "Nous étions 12 dans la salle, en 2023, pour 3 réunions.",
        "La réunion du 12/03 à 18 h a duré 2 heures.",
        "Le bâtiment C compte 14 logements et 2 cages d'escalier.",
        "Un article de loi : le décret n° 2017-877 du 6 mai 2017.",
    ],
)
def test_ordinary_numbers_are_not_flagged(text):
    assert find_personal_data(text) == []


def test_share_warns_about_personal_data_then_lets_the_learner_confirm(client, learner, trainer):
    entry = make_entry(learner, html="<p>Mme X. m'a laissé son numéro, le 06 12 34 56 78, et vit 8 rue Haute.</p>")
    client.force_login(learner)
    url = reverse("reflections:share", args=[entry.pk])
    page = client.get(url).content.decode()
    assert "données personnelles" in page
    assert (
        '<mark class="pii-mark"><span class="visually-hidden">[numéro de téléphone] </span>06 12 34 56 78</mark>'
        in page
    )
    assert "8 rue Haute" in page and "les formateur·rices des équipes dont vous êtes membre" in page
    assert trainer.get_display_name() in page
    # A plain POST (without the confirmation) does not share.
    assert client.post(url).status_code == 200
    entry.refresh_from_db()
    assert entry.shared_at is None
    response = client.post(url, {"confirm": "1"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.shared_at is not None


def test_share_without_personal_data_and_unshare(client, learner):
    entry = make_entry(learner, html="<p>Rien de personnel ici.</p>")
    client.force_login(learner)
    url = reverse("reflections:share", args=[entry.pk])
    assert "aucune donnée personnelle évidente" in client.get(url).content.decode()
    client.post(url)
    entry.refresh_from_db()
    assert entry.is_shared
    client.post(reverse("reflections:unshare", args=[entry.pk]))
    entry.refresh_from_db()
    assert not entry.is_shared


def test_feedback_is_cleaned_mailed_and_announced_on_my_space(
    client, learner, trainer, django_capture_on_commit_callbacks
):
    entry = make_entry(learner, title="Mon premier atelier", shared=True)
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reflections:feedback", args=[entry.pk]),
            {"body_text": "Très juste.\n\n<script>alert(1)</script> Continuez."},
        )
    assert response.status_code == 302
    feedback = Feedback.objects.get(entry=entry)
    assert feedback.author == trainer
    assert feedback.body_html == "<p>Très juste.</p><p>&lt;script&gt;alert(1)&lt;/script&gt; Continuez.</p>"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [learner.email] and "a répondu à votre journal" in message.subject
    assert "Mon premier atelier" in message.body and f"/journal/{entry.pk}/" in message.body
    assert "Continuez" not in message.body  # the reply stays on the platform

    client.force_login(learner)
    space = client.get(reverse("my_space")).content.decode()
    assert "1 nouveau retour de formateur·rice" in space and "Mon premier atelier" in space
    detail = client.get(reverse("reflections:detail", args=[entry.pk])).content.decode()
    assert "Continuez." in detail and "&lt;script&gt;" in detail
    feedback.refresh_from_db()
    assert feedback.read_at is not None
    assert "Aucun nouveau retour." in client.get(reverse("my_space")).content.decode()


def test_empty_feedback_is_refused_with_a_message(client, learner, trainer):
    entry = make_entry(learner, shared=True)
    client.force_login(trainer)
    response = client.post(reverse("reflections:feedback", args=[entry.pk]), {"body_text": "   "})
    assert response.status_code == 400 and 'aria-invalid="true"' in response.content.decode()
    assert not Feedback.objects.exists()


def test_trainers_my_space_counts_entries_awaiting_feedback(client, learner, trainer):
    make_entry(learner, title="En attente", shared=True)
    answered = make_entry(learner, title="Déjà lue", shared=True)
    make_feedback(answered, trainer)
    make_entry(learner, title="Privée")
    client.force_login(trainer)
    assert "1 entrée partagée attend votre retour" in client.get(reverse("my_space")).content.decode()


def test_deleting_an_entry_deletes_its_feedback(client, learner, trainer):
    entry = make_entry(learner, shared=True)
    make_feedback(entry, trainer)
    client.force_login(learner)
    url = reverse("reflections:delete", args=[entry.pk])
    assert "définitivement" in client.get(url).content.decode()
    assert JournalEntry.objects.filter(pk=entry.pk).exists()  # the GET only asks
    assert client.post(url).status_code == 302
    assert not JournalEntry.objects.filter(pk=entry.pk).exists() and not Feedback.objects.exists()


def test_highlight_escapes_the_text_around_findings():
    from reflections.pii import highlight

    text = "<script>alert(1)</script> écrire à a@b.fr"
    html = str(highlight(text, find_personal_data(text)))
    assert html.startswith("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert html.endswith('<mark class="pii-mark"><span class="visually-hidden">[adresse e-mail] </span>a@b.fr</mark>')
