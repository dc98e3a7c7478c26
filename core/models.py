from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.snippets.models import register_snippet


@register_snippet
class CompetenceDomain(models.Model):
    """A competence domain of the French social-work diplomas reformed in 2018 (DC1 to DC4): what courses, cases
    and questions are tagged with.

    The domain is the shared slot (same code in every diploma); its title depends on the diploma and lives in
    CompetenceLabel, one per framework. `name` is the label shown to someone without a diploma (the DEASS title,
    which says so). DC3 and DC4 are the common core of the five diplomas (`is_common`).

    Kept as an editable list (snippet) so administrators can rename or add domains.
    """

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("intitulé"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_common = models.BooleanField(
        _("socle commun"),
        default=False,
        help_text=_("Domaine commun aux cinq diplômes réformés en 2018 (DC3 et DC4)."),
    )

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("is_common"), FieldPanel("description")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("domaine de compétences")
        verbose_name_plural = _("domaines de compétences")

    def __str__(self):
        return f"{self.code} · {self.name}"


@register_snippet
class Framework(ClusterableModel):
    """A competence framework: a State diploma (arrêtés of 22 August 2018) or an organisation's own framework.

    Learners and teams choose one (accounts.User.diploma, teams.Team.diploma); it decides the domain titles
    they read.
    """

    code = models.CharField(_("code"), max_length=20, unique=True, help_text=_("Par exemple DEASS, DEES."))
    name = models.CharField(_("nom"), max_length=200)
    is_official = models.BooleanField(
        _("diplôme d'État"),
        default=False,
        help_text=_("Décoché : référentiel propre à un établissement ou à une organisation."),
    )
    owner = models.CharField(
        _("établissement ou organisation"),
        max_length=200,
        blank=True,
        help_text=_("Pour un référentiel propre : qui l'a rédigé."),
    )
    source = models.CharField(
        _("texte de référence"), max_length=300, blank=True, help_text=_("Par exemple l'arrêté et sa date.")
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("is_official"),
        FieldPanel("owner"),
        FieldPanel("source"),
        InlinePanel(
            "labels",
            label=_("Intitulés des domaines"),
            help_text=_(
                "« Reformulé » signale un intitulé dont la formulation exacte n'a pas été vérifiée dans le texte "
                "officiel : relisez l'arrêté et décochez la case une fois l'intitulé recopié à l'identique."
            ),
        ),
    ]

    class Meta:
        ordering = ["-is_official", "code"]
        verbose_name = _("référentiel de compétences")
        verbose_name_plural = _("référentiels de compétences")

    def __str__(self):
        return f"{self.code} · {self.name}"


class CompetenceLabel(models.Model):
    """The title a framework gives to a competence domain (DC1 is « La relation éducative spécialisée » in the
    DEES, « Intervention professionnelle en travail social » in the DEASS)."""

    framework = ParentalKey(Framework, on_delete=models.CASCADE, related_name="labels")
    domain = models.ForeignKey(
        CompetenceDomain, verbose_name=_("domaine"), on_delete=models.CASCADE, related_name="labels"
    )
    label = models.CharField(_("intitulé"), max_length=300)
    is_paraphrase = models.BooleanField(
        _("reformulé"),
        default=False,
        help_text=_("Coché : intitulé reformulé, pas encore vérifié mot pour mot dans le texte officiel."),
    )

    panels = [FieldPanel("domain"), FieldPanel("label"), FieldPanel("is_paraphrase")]

    class Meta:
        ordering = ["domain__code"]
        verbose_name = _("intitulé de domaine")
        verbose_name_plural = _("intitulés de domaines")
        constraints = [models.UniqueConstraint(fields=["framework", "domain"], name="unique_label_per_framework")]

    def __str__(self):
        return f"{self.framework.code} {self.domain.code} · {self.label}"


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
