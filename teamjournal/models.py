"""A team's shared journal (analyse de pratiques): sessions opened by a facilitator, contributions and one level
of replies. Who reads and who moderates is decided in access.py.

These models were born in the reflections app; their tables keep the names reflections gave them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .access import PracticeSessionQuerySet


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
        db_table = "reflections_practicesession"
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
        db_table = "reflections_contribution"
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["session", "parent", "created_at"])]

    def __str__(self):
        return f"{self.session_id} · {self.pk}"

    @property
    def is_hidden(self):
        return self.hidden_at is not None
