from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class CompetenceDomain(models.Model):
    """A competence domain of the French social-work diplomas reformed in 2018 (DC1 to DC4).

    DC3 and DC4 belong to the common core; DC1 and DC2 (and DC3's title) differ by diploma: the default labels
    are the DEASS ones and say so.

    Kept as an editable list (snippet) so administrators can rename or add domains.
    """

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("intitulé"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("domaine de compétences")
        verbose_name_plural = _("domaines de compétences")

    def __str__(self):
        return f"{self.code} · {self.name}"


class WorkerHeartbeat(models.Model):
    """The last sign of life of each task worker (core/worker.py), for /sante/ and for recovering the tasks of a
    worker that died: a worker whose heartbeat stopped cannot still be running the tasks it claimed."""

    worker_id = models.CharField(max_length=64, unique=True)
    queues = models.CharField(max_length=200)
    hostname = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("signal de vie d'un worker")
        verbose_name_plural = _("signaux de vie des workers")

    def __str__(self):
        return f"{self.worker_id} ({self.hostname}:{self.pid})"
