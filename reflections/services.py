"""The rules of the journal: saving and autosaving with revision numbers, sharing, feedback, deletion.

Views, the demo loader and tests call these functions; they never touch the models' fields themselves.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.cache_versions import learner_changed
from progress import api as progress
from progress.models import Status

from . import xapi
from .models import Feedback, JournalEntry
from .sanitize import (
    MAX_NESTING_DEPTH,
    MAX_RAW_HTML_LENGTH,
    MAX_TEXT_LENGTH,
    clean_html,
    nesting_depth,
    text_length,
    text_to_html,
)

MAX_TITLE_LENGTH = 200
MAX_REVISION = 2**53  # what a JavaScript number holds exactly


def too_long_message():
    return _(
        "Ce texte dépasse la longueur maximale de %(max)s caractères : il n'a pas été enregistré. "
        "Raccourcissez-le ou partagez-le en plusieurs entrées ; votre texte reste dans l'éditeur."
    ) % {"max": f"{MAX_TEXT_LENGTH:,}".replace(",", "\u202f")}


def prepare(title, raw_html=None, plain_text=None):
    """Clean the submitted title and text; raise ValidationError (in French) when they cannot be kept."""
    title = (title or "").strip()
    if len(title) > MAX_TITLE_LENGTH:
        raise ValidationError(
            _("Le titre ne peut pas dépasser %(max)s caractères.") % {"max": MAX_TITLE_LENGTH}, code="title"
        )
    if raw_html is None:
        raw_html = text_to_html(plain_text or "") if len(plain_text or "") <= MAX_RAW_HTML_LENGTH else None
    if raw_html is None or len(raw_html) > MAX_RAW_HTML_LENGTH:
        raise ValidationError(too_long_message(), code="too_long")
    if nesting_depth(raw_html) > MAX_NESTING_DEPTH:
        raise ValidationError(
            _(
                "Ce texte contient trop de mises en forme imbriquées (plus de %(max)s niveaux) : il n'a pas été "
                "enregistré. Retirez une partie de la mise en forme ; votre texte reste dans l'éditeur."
            )
            % {"max": MAX_NESTING_DEPTH},
            code="too_nested",
        )
    cleaned = clean_html(raw_html)
    if text_length(cleaned) > MAX_TEXT_LENGTH:
        raise ValidationError(too_long_message(), code="too_long")
    return title, cleaned


def parse_revision(value):
    try:
        revision = int(value)
    except (TypeError, ValueError):
        return None
    return min(max(revision, 0), MAX_REVISION)


class StaleRevision(Exception):
    """The text was written from an older version than the one the server holds (another tab or device)."""

    def __init__(self, entry):
        super().__init__("stale revision")
        self.entry = entry


def new_entry(author, prompt=None, client_id=None):
    """An unsaved entry carrying its prompt context (see prompt_context()) and the editor's id for it."""
    entry = JournalEntry(author=author, client_id=client_id)
    if prompt:
        entry.prompt_key = prompt["key"]
        entry.prompt_title = prompt["title"][:300]
        entry.source_page = prompt["page"]
        entry.course = prompt["course"]
    return entry


def _locked(entry):
    return JournalEntry.objects.select_for_update().get(pk=entry.pk) if entry.pk else entry


def _holds(entry, title, cleaned_html):
    """The entry's current draft is already exactly this text (a retried request, or two tabs that agree)."""
    return entry.pk is not None and entry.draft_title == title and entry.draft_html == cleaned_html


@transaction.atomic
def autosave(entry, title, cleaned_html, base_version):
    """Keep the latest draft. `base_version` is the server version the editor's text started from; the
    stored version goes up by one on every change. Raises StaleRevision when the entry changed since then,
    unless the text is the same (then nothing changes: a retried autosave is harmless)."""
    entry = _locked(entry)
    if _holds(entry, title, cleaned_html):
        return entry
    if base_version is None or base_version != entry.draft_revision:
        raise StaleRevision(entry)
    created = entry.pk is None
    entry.draft_title = title
    entry.draft_html = cleaned_html
    entry.draft_revision += 1
    entry.draft_updated_at = timezone.now()
    entry.save()
    if created and entry.prompt_key.startswith("reflection:"):
        progress.record_activity(entry.author, entry.prompt_key, Status.STARTED)
    return entry


@transaction.atomic
def save(entry, title, cleaned_html, revision=None, force=False):
    """The explicit "Enregistrer": the text becomes the saved version (the one trainers read once shared).

    `revision` is the server version the editor started from: if the entry changed since (another tab or device),
    StaleRevision, unless the learner confirmed (`force`) that their text should replace it.
    """
    entry = _locked(entry)
    had_text = bool(entry.body_html)  # completed once: the statement is sent the first time a text is saved
    changed_elsewhere = revision is not None and revision != entry.draft_revision
    if changed_elsewhere and not force and not _holds(entry, title, cleaned_html):
        raise StaleRevision(entry)
    now = timezone.now()
    entry.title = entry.draft_title = title
    entry.body_html = entry.draft_html = cleaned_html
    entry.draft_revision = entry.saved_revision = entry.draft_revision + 1
    entry.saved_at = entry.draft_updated_at = now
    entry.save()
    if cleaned_html and entry.prompt_key.startswith("reflection:"):
        progress.record_activity(entry.author, entry.prompt_key, Status.COMPLETED)
        if not had_text:
            xapi.reflection_completed(entry)
    return entry


def share(entry):
    if entry.shared_at is None:
        entry.shared_at = timezone.now()
        entry.save(update_fields=["shared_at", "updated_at"])
    return entry


def unshare(entry):
    entry.shared_at = None
    entry.save(update_fields=["shared_at", "updated_at"])
    return entry


def add_feedback(entry, trainer, raw_html=None, plain_text=None):
    """Store a trainer's cleaned reply and notify the learner by e-mail once the transaction commits."""
    _title, cleaned = prepare("", raw_html=raw_html, plain_text=plain_text)
    if not cleaned:
        raise ValidationError(_("Écrivez votre retour avant de l'envoyer."), code="empty")
    feedback = Feedback.objects.create(entry=entry, author=trainer, body_html=cleaned)
    from .tasks import send_feedback_notification

    transaction.on_commit(lambda: send_feedback_notification.enqueue(feedback.pk))
    return feedback


def mark_feedback_read(entry):
    marked = entry.feedback.filter(read_at__isnull=True).update(read_at=timezone.now())
    if marked:
        learner_changed(entry.author_id, "reflections")  # the unread count on "Mon espace"
    return marked


def unread_feedback(user):
    return Feedback.objects.filter(entry__author=user, read_at__isnull=True)


def delete_entry(entry):
    """Delete the entry and, by cascade, its feedback: nothing is kept."""
    entry.delete()


# --- Prompts: from a lesson or case page to the entry's context ------------------------------------------------


def course_of(page):
    """The course page a lesson (or the page itself) belongs to, or None.

    Courses sit above reflections, so the course page type is found by its `is_course` marker, not imported."""
    from wagtail.models import get_page_models

    course_models = [model for model in get_page_models() if getattr(model, "is_course", False)]
    if not course_models:
        return None
    return page.get_ancestors(inclusive=True).type(*course_models).last()


def find_prompt_block(page, prompt_id):
    """The value of the reflection block with this id in any StreamField of the page, or None."""
    from wagtail.fields import StreamField

    from .blocks import ReflectionPromptBlock

    specific = page.specific
    for field in specific._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        for child in getattr(specific, field.name):
            if isinstance(child.block, ReflectionPromptBlock) and str(child.value.get("prompt_id")) == prompt_id:
                return child.value
    return None


def prompt_context(page_id=None, prompt_id=None, subject=None):
    """What a new entry answers, from the link's parameters: a prompt block of a live page, or a free subject
    ("write a reflection about X" links from cases). Unknown or unpublished pages are ignored."""
    from wagtail.models import Page

    page = Page.objects.live().filter(pk=page_id).first() if str(page_id or "").isdigit() else None
    if page and prompt_id:
        value = find_prompt_block(page, prompt_id)
        if value:
            return {
                "key": f"reflection:{prompt_id}",
                "title": value["prompt"],
                "value": value,
                "is_prompt": True,
                "page": page,
                "course": course_of(page),
            }
    subject = (subject or "").strip()[:300]
    if subject or page:
        return {
            "key": "",
            "title": subject,
            "value": None,
            "is_prompt": False,
            "page": page,
            "course": course_of(page) if page else None,
        }
    return None
