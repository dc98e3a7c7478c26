"""Journal entries and trainers' feedback: plain records, private to their author unless shared."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .access import EntryQuerySet
from .team_access import PracticeSessionQuerySet


class JournalEntry(models.Model):
    """One entry of a learner's reflective journal.

    `body_html` is the version the learner saved (what a trainer reads once it is shared); `draft_html` is the
    latest text typed, kept by autosave. `draft_revision` is the editor's counter: a save carrying a lower number
    than the stored one comes from an older state of the text and is ignored, so it never overwrites newer text.
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
    # What the entry answers: a prompt block of a lesson or case ("reflection:<uuid>"), or a free subject.
    prompt_key = models.CharField(max_length=120, blank=True, db_index=True)
    prompt_title = models.CharField(_("consigne"), max_length=300, blank=True)
    source_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The course whose trainers may read the entry once shared; empty: every trainer of the platform.
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


# --- Team journal (analyse de pratiques) ----------------------------------------------------------------
# A team's shared journal: sessions opened by a facilitator, contributions and one level of replies.
# Who reads and who moderates is decided in team_access.py.


class PracticeSession(models.Model):
    """One practice-analysis session of a team: a theme, a date, contributions; closed when it is over."""

    team = models.ForeignKey(
        "teams.Team", verbose_name=_("équipe"), on_delete=models.CASCADE, related_name="practice_sessions"
    )
    title = models.CharField(_("thème"), max_length=200)
    description_html = models.TextField(_("présentation"), blank=True)
    date = models.DateField(_("date de la séance"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PracticeSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("séance d'analyse de pratiques")
        verbose_name_plural = _("séances d'analyse de pratiques")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["team", "-date"])]

    def __str__(self):
        return self.title

    @property
    def is_closed(self):
        return self.closed_at is not None


class Contribution(models.Model):
    """A contribution to a session, or a reply to one (`parent`; replies are one level deep).

    A hidden contribution keeps its text for its author only; `removed_at` marks a contribution whose author
    deleted their account while others had replied to it: the text is gone, the thread stays readable.
    """

    session = models.ForeignKey(PracticeSession, on_delete=models.CASCADE, related_name="contributions")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practice_contributions",
        verbose_name=_("auteur·rice"),
    )
    body_html = models.TextField(_("texte"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    hidden_at = models.DateTimeField(_("masquée le"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["session", "parent", "created_at"])]

    def __str__(self):
        return f"{self.session_id} · {self.pk}"

    @property
    def is_hidden(self):
        return self.hidden_at is not None
