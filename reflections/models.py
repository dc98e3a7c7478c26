"""Journal entries and trainers' feedback: plain records, private to their author unless shared."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .access import EntryQuerySet


class JournalEntry(models.Model):
    """One entry of a learner's reflective journal.

    `body_html` is the version the learner saved (what a trainer reads once it is shared); `draft_html` is the
    latest text typed, kept by autosave. `draft_revision` is the server's version of the text, one more on every
    change: an editor sends the version its text started from, and a text started from an older version (another
    tab or device wrote since) is refused as a conflict, never written over the newer one. `client_id` is the
    editor's own id for a new entry, so that a retried first autosave finds the entry it created.
    """

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="journal_entries",
        verbose_name=_("auteur·rice"),
    )
    title = models.CharField(_("titre"), max_length=200, blank=True)
    body_html = models.TextField(_("texte"), blank=True)
    draft_title = models.CharField(max_length=200, blank=True)
    draft_html = models.TextField(blank=True)
    draft_revision = models.PositiveBigIntegerField(default=0)
    saved_revision = models.PositiveBigIntegerField(default=0)
    client_id = models.UUIDField(null=True, blank=True, editable=False)
    # What the entry answers: a prompt block of a lesson or case ("reflection:<uuid>"), or a free subject.
    prompt_key = models.CharField(max_length=120, blank=True, db_index=True)
    prompt_title = models.CharField(_("consigne"), max_length=300, blank=True)
    source_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The course whose course trainers (and the author's team trainers) may read the entry once shared; empty: every
    # trainer of the platform.
    course = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    shared_at = models.DateTimeField(_("partagée le"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    saved_at = models.DateTimeField(null=True, blank=True)
    draft_updated_at = models.DateTimeField(null=True, blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("entrée du journal")
        verbose_name_plural = _("entrées du journal")
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["author", "-updated_at"]), models.Index(fields=["shared_at"])]
        constraints = [
            models.UniqueConstraint(fields=["author", "client_id"], name="unique_journal_entry_client_id"),
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        # A draft title is only used until the first save: trainers never see unsaved text.
        draft_title = "" if self.saved_at else self.draft_title
        return self.title or draft_title or self.prompt_title or _("Entrée sans titre")

    @property
    def has_unsaved_draft(self):
        """The autosaved text is newer than the saved version."""
        return self.draft_revision > self.saved_revision

    @property
    def is_shared(self):
        return self.shared_at is not None

    @property
    def editor_html(self):
        return self.draft_html if self.has_unsaved_draft else self.body_html

    @property
    def editor_title(self):
        return self.draft_title if self.has_unsaved_draft else self.title


class Feedback(models.Model):
    """A trainer's reply to a shared entry; deleted with the entry."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="journal_feedback_given"
    )
    body_html = models.TextField(_("retour"))
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("retour sur une entrée")
        verbose_name_plural = _("retours sur les entrées")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.entry_id} · {self.created_at:%Y-%m-%d}"
