"""Saving, autosave ordering, refusals of bad input, prompts and completion."""

import pytest
from django.urls import reverse

from progress import api as progress
from reflections import services
from reflections.models import JournalEntry
from reflections.sanitize import MAX_TEXT_LENGTH
from tests.factories import make_course, make_entry, make_lesson

pytestmark = pytest.mark.django_db


def _autosave(client, url, revision, html="<p>texte</p>", title="", **extra):
    return client.post(url, {"title": title, "body_html": html, "revision": revision, **extra})


def test_autosave_creates_the_entry_then_refuses_text_written_from_an_older_version(client, learner):
    client.force_login(learner)
    response = _autosave(client, reverse("reflections:autosave_new"), 0, "<p>un</p>", "Titre")
    assert response.status_code == 200
    data = response.json()
    entry = JournalEntry.objects.get(pk=data["entry"])
    assert entry.author == learner and entry.draft_html == "<p>un</p>" and data["version"] == entry.draft_revision == 1
    assert data["edit_url"] == reverse("reflections:edit", args=[entry.pk])

    url = data["autosave_url"]
    assert _autosave(client, url, 1, "<p>deux</p>", "Titre").json()["version"] == 2
    # Another tab, still at version 1, must not overwrite the newer text: it gets both versions to compare.
    late = _autosave(client, url, 1, "<p>autre onglet</p>", "Titre")
    assert late.status_code == 409
    assert late.json() == {"status": "conflict", "version": 2, "title": "Titre", "html": "<p>deux</p>"}
    # A retried request whose text the server already holds is answered as saved, without a new version.
    retried = _autosave(client, url, 1, "<p>deux</p>", "Titre")
    assert retried.status_code == 200 and retried.json()["version"] == 2
    entry.refresh_from_db()
    assert entry.draft_html == "<p>deux</p>" and entry.draft_revision == 2
    # An autosave is a draft: the saved version (the one trainers may read) is untouched.
    assert entry.body_html == "" and entry.has_unsaved_draft


def test_the_answer_carries_the_digest_of_the_text_received(client, learner):
    import hashlib

    client.force_login(learner)
    title, html = "Réunion", "<p>Première ligne\nseconde <em>ligne</em></p>"
    data = _autosave(client, reverse("reflections:autosave_new"), 0, html, title).json()
    assert data["received"] == hashlib.sha256(f"{title}\n{html}".encode()).hexdigest()


def test_a_retried_first_autosave_finds_the_entry_it_created(client, learner):
    import uuid

    client.force_login(learner)
    client_id = str(uuid.uuid4())
    url = reverse("reflections:autosave_new")
    first = _autosave(client, url, 0, "<p>début</p>", client_id=client_id)
    again = _autosave(client, url, 0, "<p>début</p>", client_id=client_id)
    assert first.status_code == again.status_code == 200
    assert first.json()["entry"] == again.json()["entry"]
    assert JournalEntry.objects.filter(author=learner).count() == 1
    # The same id from another learner is another entry: ids are only looked up among one's own entries.
    from accounts.permissions import Role
    from tests.factories import make_user

    client.force_login(make_user(Role.LEARNER))
    assert _autosave(client, url, 0, "<p>autre</p>", client_id=client_id).json()["entry"] != first.json()["entry"]


def test_autosave_without_a_session_says_so_in_json_instead_of_redirecting(client, learner):
    entry = make_entry(learner, html="<p>gardé</p>")
    response = _autosave(client, reverse("reflections:autosave", args=[entry.pk]), entry.draft_revision)
    assert response.status_code == 401
    assert response.json()["status"] == "signed_out" and "déconnecté" in response.json()["error"]
    assert response.json()["login_url"] == reverse("account_login")
    entry.refresh_from_db()
    assert entry.draft_html == "<p>gardé</p>"


def test_editor_token_gives_a_fresh_csrf_token_to_a_logged_in_author(client, learner):
    url = reverse("reflections:editor_token")
    assert client.get(url).status_code == 401
    client.force_login(learner)
    response = client.get(url)
    assert response.status_code == 200 and len(response.json()["csrf"]) >= 32
    assert client.post(url).status_code == 405


def test_autosave_cleans_html_and_refuses_oversized_text(client, learner):
    client.force_login(learner)
    entry = make_entry(learner, html="<p>version enregistrée</p>")
    url = reverse("reflections:autosave", args=[entry.pk])
    _autosave(client, url, entry.draft_revision, '<p onclick="x()">ok<script>alert(1)</script></p>')
    entry.refresh_from_db()
    assert entry.draft_html == "<p>ok</p>"
    response = _autosave(client, url, entry.draft_revision, "<p>" + "a" * (MAX_TEXT_LENGTH + 1) + "</p>")
    assert response.status_code == 400 and "longueur maximale" in response.json()["error"]
    entry.refresh_from_db()
    assert entry.draft_html == "<p>ok</p>"  # nothing already saved is lost


def test_autosave_of_someone_elses_entry_is_404(client, learner, other_learner):
    entry = make_entry(learner)
    client.force_login(other_learner)
    assert _autosave(client, reverse("reflections:autosave", args=[entry.pk]), 99).status_code == 404
    client.force_login(learner)
    assert client.get(reverse("reflections:autosave", args=[entry.pk])).status_code == 405


def test_form_without_javascript_saves_plain_text_as_paragraphs(client, learner):
    client.force_login(learner)
    response = client.post(
        reverse("reflections:new"),
        {"title": "Sans JS", "body_text": "Premier.\n\nSecond <b>pas gras</b>.", "revision": "0"},
    )
    entry = JournalEntry.objects.get(author=learner)
    assert response.status_code == 302 and response["Location"] == reverse("reflections:detail", args=[entry.pk])
    assert entry.body_html == "<p>Premier.</p><p>Second &lt;b&gt;pas gras&lt;/b&gt;.</p>"
    assert entry.saved_at and not entry.has_unsaved_draft


def test_oversized_entry_is_refused_and_the_text_stays_in_the_editor(client, learner):
    client.force_login(learner)
    long_text = "Une phrase assez longue pour remplir. " * 1400
    assert len(long_text) > MAX_TEXT_LENGTH
    response = client.post(reverse("reflections:new"), {"title": "Trop long", "body_text": long_text, "revision": "0"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "longueur maximale de 50" in content
    assert long_text.strip()[:2000] in content and 'aria-invalid="true"' in content
    assert not JournalEntry.objects.exists()


def test_explicit_save_from_a_stale_tab_asks_before_replacing(client, learner):
    client.force_login(learner)
    entry = make_entry(learner, html="<p>v1</p>")
    opened_at_version = entry.draft_revision
    services.autosave(entry, "", "<p>écrit dans un autre onglet</p>", entry.draft_revision)
    url = reverse("reflections:edit", args=[entry.pk])
    stale = {"title": "", "body_html": "<p>mon texte</p>", "revision": str(opened_at_version)}
    response = client.post(url, stale)
    assert response.status_code == 409
    assert "version plus récente" in response.content.decode() and "<p>mon texte</p>" in response.content.decode()
    entry.refresh_from_db()
    assert entry.draft_html == "<p>écrit dans un autre onglet</p>"
    # Clicking "Enregistrer" again (the form now carries force=on) replaces the other version.
    response = client.post(url, {**stale, "force": "on", "revision": str(entry.draft_revision)})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.body_html == entry.draft_html == "<p>mon texte</p>"


def test_prompt_block_links_to_the_journal_and_a_saved_entry_completes_the_lesson(client, learner):
    from reflections.demo import PROMPT_PARTICIPATION

    course = make_course()
    lesson = make_lesson(course, body=[("reflection", PROMPT_PARTICIPATION)])
    key = f"reflection:{PROMPT_PARTICIPATION['prompt_id']}"
    assert list(lesson.activities.values_list("activity_key", "required")) == [(key, True)]

    from progress.api import enrol

    enrol(learner, course)  # lessons are open to enrolled learners
    client.force_login(learner)
    content = client.get(lesson.url).content.decode()
    assert "Écrire ma réflexion" in content and "Qui avait choisi" in content
    write_url = f"{reverse('reflections:new')}?consigne={PROMPT_PARTICIPATION['prompt_id']}&amp;page={lesson.pk}"
    assert write_url in content

    editor = client.get(write_url.replace("&amp;", "&"))
    assert "Repensez à une réunion collective" in editor.content.decode()
    response = client.post(write_url.replace("&amp;", "&"), {"body_text": "Ma réponse.", "revision": "0"})
    assert response.status_code == 302
    entry = JournalEntry.objects.get(author=learner)
    assert entry.prompt_key == key and entry.course.pk == course.pk and entry.source_page.pk == lesson.pk
    assert progress.completed_keys(learner, [key, lesson.activity_key]) == {key, lesson.activity_key}
    assert "Voir ma réflexion" in client.get(lesson.url).content.decode()


def test_write_reflection_url_for_other_apps(client, learner):
    from reflections.links import write_reflection_url

    course = make_course()
    url = write_reflection_url("Le diagnostic partagé du quartier", page=course)
    assert url.startswith(reverse("reflections:new") + "?sujet=Le+diagnostic")
    client.force_login(learner)
    assert "Le diagnostic partagé du quartier" in client.get(url).content.decode()
    client.post(url, {"body_text": "Réponse libre.", "revision": "0"})
    entry = JournalEntry.objects.get(author=learner)
    assert entry.prompt_title == "Le diagnostic partagé du quartier" and entry.prompt_key == ""
    assert entry.course.pk == course.pk


def test_prompt_block_renders_its_preview_and_gets_a_stable_id():
    from reflections.blocks import ReflectionPromptBlock

    block = ReflectionPromptBlock()
    html = block.render(block.to_python(block.meta.preview_value))
    assert "Exercice de réflexion" in html and "Une demi-page" in html and "Connectez-vous" in html
    value = block.clean(block.to_python({**block.meta.preview_value, "prompt_id": ""}))
    assert len(value["prompt_id"]) == 36
    assert block.clean(value)["prompt_id"] == value["prompt_id"]  # unchanged by later edits
    assert block.activity_key(value) == f"reflection:{value['prompt_id']}"


def test_an_author_adds_a_prompt_to_a_lesson_in_the_admin(client, admin_user):
    """Through the real Wagtail editor form: the block is offered, and saving gives the prompt its stable id."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    from courses.models import LessonPage

    course = make_course()
    client.force_login(admin_user)
    add_url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", course.pk])
    assert "prompt_id" in client.get(add_url).content.decode()
    value = {"prompt": "Qu'avez-vous appris ?", "guiding_questions": {"count": 0}, "expected_length": "short"}
    value.update({"required": "on", "prompt_id": ""})
    data = nested_form_data(
        {"title": "Leçon réflexive", "slug": "lecon-reflexive", "summary": "", "duration_minutes": 15}
        | {"body": streamfield([("reflection", value)]), "action-publish": "publish"}
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    lesson = LessonPage.objects.get(slug="lecon-reflexive")
    prompt_id = lesson.body[0].value["prompt_id"]
    assert len(prompt_id) == 36
    assert list(lesson.activities.values_list("activity_key", flat=True)) == [f"reflection:{prompt_id}"]
