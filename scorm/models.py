"""SCORM packages (modules made with authoring tools) and each learner's attempts at them.

A package is checked and unpacked on upload (packages.py, store.py); its files live in Django's default
storage under scorm/. The learner's runtime state (status, score, suspend data, location) is what the
SCORM runtime commits from the lesson page (runtime.py), one row per learner, package and attempt.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class ScormVersion(models.TextChoices):
    SCORM_12 = "1.2", "SCORM 1.2"
    SCORM_2004 = "2004", "SCORM 2004"


class ScormPackage(index.Indexed, models.Model):
    """A « module SCORM »: an uploaded package played in lessons."""

    title = models.CharField(
        _("titre"), max_length=255, blank=True, help_text=_("Laissez vide pour reprendre le titre du paquet.")
    )
    package = models.FileField(
        _("paquet SCORM (.zip)"),
        upload_to="scorm/packages/",
        max_length=255,
        help_text=_(
            "Un fichier .zip exporté au format SCORM 1.2 ou SCORM 2004 par un outil auteur "
            "(Articulate, Captivate, iSpring, Scenari…), avec son imsmanifest.xml à la racine."
        ),
    )
    version = models.CharField(_("version SCORM"), max_length=4, choices=ScormVersion.choices, editable=False)
    manifest_title = models.CharField(_("titre dans le paquet"), max_length=255, editable=False)
    launch_path = models.CharField(_("page de lancement"), max_length=1000, editable=False)
    storage_path = models.CharField(_("emplacement"), max_length=255, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("déposé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    search_fields = [index.SearchField("title"), index.SearchField("manifest_title"), index.FilterField("version")]

    class Meta:
        verbose_name = _("module SCORM")
        verbose_name_plural = _("modules SCORM")
        ordering = ["title"]

    def __str__(self):
        return self.title or self.manifest_title or str(_("Module SCORM"))

    @property
    def activity_key(self):
        return f"scorm:{self.pk}"

    def get_iri(self):
        from statements.api import activity_iri

        return activity_iri(reverse("scorm:activity", args=[self.pk]))


class ScormAttempt(models.Model):
    """One attempt of a learner at a package: what the runtime committed, kept for resume and records."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("apprenant·e"), on_delete=models.CASCADE, related_name="+"
    )
    package = models.ForeignKey(
        ScormPackage, verbose_name=_("module SCORM"), on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveIntegerField(_("tentative n°"))
    # Normalised across SCORM 1.2 (lesson_status) and 2004 (completion_status + success_status).
    completion_status = models.CharField(_("achèvement"), max_length=20, default="not attempted")
    success_status = models.CharField(_("réussite"), max_length=20, default="unknown")
    score_scaled = models.FloatField(_("score (0 à 1)"), null=True, blank=True)
    score_raw = models.FloatField(_("score brut"), null=True, blank=True)
    location = models.CharField(_("emplacement dans le module"), max_length=1000, blank=True)
    suspend_data = models.TextField(_("données de reprise"), blank=True)
    exit = models.CharField(_("sortie"), max_length=20, blank=True)
    total_seconds = models.PositiveIntegerField(_("temps passé (secondes)"), default=0)
    commit_sequence = models.PositiveIntegerField(_("dernier envoi"), default=0)
    finished = models.BooleanField(_("terminée"), default=False)
    started_at = models.DateTimeField(_("commencée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("mise à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("tentative SCORM")
        verbose_name_plural = _("tentatives SCORM")
        ordering = ["package", "learner", "number"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "package", "number"], name="unique_scorm_attempt_number")
        ]

    def __str__(self):
        return f"{self.package} · {self.learner} · {self.number}"
