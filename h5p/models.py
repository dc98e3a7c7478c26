"""H5P activities and the shared library store.

A package is split on upload: its content (h5p.json and content/) belongs to one activity, its
libraries go to a store shared by every activity, one entry per machine name and major.minor version,
as H5P platforms do. Files live in Django's default storage (filesystem or S3) under h5p/.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.search import index


class H5PLibrary(models.Model):
    """One library (e.g. H5P.MultiChoice 1.14) shared by every activity; only its newest patch is kept."""

    machine_name = models.CharField(_("nom machine"), max_length=127)
    major_version = models.PositiveIntegerField(_("version majeure"))
    minor_version = models.PositiveIntegerField(_("version mineure"))
    patch_version = models.PositiveIntegerField(_("correctif"))
    title = models.CharField(_("titre"), max_length=255, blank=True)
    runnable = models.BooleanField(_("type de contenu"), default=False)
    # "Machine-major.minor" folder names of the libraries this one loads (preloaded and dynamic).
    dependencies = models.JSONField(_("dépendances"), default=list, blank=True)
    storage_path = models.CharField(_("emplacement"), max_length=255)
    installed_at = models.DateTimeField(_("installée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("mise à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("bibliothèque H5P")
        verbose_name_plural = _("bibliothèques H5P")
        ordering = ["machine_name", "major_version", "minor_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version"], name="unique_h5p_library_version"
            )
        ]

    def __str__(self):
        return f"{self.machine_name} {self.version}"

    @property
    def version(self):
        return f"{self.major_version}.{self.minor_version}.{self.patch_version}"

    @property
    def folder_name(self):
        """The folder name the H5P player asks for: Machine-major.minor."""
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"

    def used_by(self):
        return ", ".join(activity.title for activity in self.activities.all()) or "—"

    used_by.short_description = _("activités qui l'utilisent")


class H5PActivity(index.Indexed, models.Model):
    """An "Activité H5P": an uploaded package whose content is played in lessons."""

    title = models.CharField(
        _("titre"), max_length=255, blank=True, help_text=_("Laissez vide pour reprendre le titre du paquet.")
    )
    package = models.FileField(
        _("paquet H5P (.h5p)"),
        upload_to="h5p/packages/",
        max_length=255,
        help_text=_("Un fichier .h5p exporté depuis un éditeur H5P (h5p.org, Lumi, Moodle…)."),
    )
    content_path = models.CharField(_("emplacement du contenu"), max_length=255, editable=False)
    content_title = models.CharField(_("titre dans le paquet"), max_length=255, editable=False)
    main_library = models.CharField(_("type de contenu"), max_length=127, editable=False)
    main_library_version = models.CharField(_("version du type de contenu"), max_length=20, editable=False)
    h5p_json = models.JSONField(_("h5p.json"), default=dict, editable=False)
    libraries = models.ManyToManyField(
        H5PLibrary, verbose_name=_("bibliothèques utilisées"), related_name="activities", blank=True, editable=False
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("déposée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    search_fields = [index.SearchField("title"), index.SearchField("content_title"), index.FilterField("main_library")]

    class Meta:
        verbose_name = _("activité H5P")
        verbose_name_plural = _("activités H5P")
        ordering = ["title"]

    def __str__(self):
        return self.title or self.content_title or str(_("Activité H5P"))

    @property
    def activity_key(self):
        return f"h5p:{self.pk}"

    @property
    def content_type_label(self):
        return f"{self.main_library} {self.main_library_version}"

    def get_iri(self):
        """The xAPI activity id: statements about this activity (or its sub-contents) start with it."""
        from statements.api import activity_iri

        return activity_iri(reverse("h5p:activity", args=[self.pk]))


class H5PPackageVersion(models.Model):
    """A "version en attente": a replacement package for an activity played in a published lesson.

    Learners keep playing the activity's own (live) fields until a lead trainer or an administrator
    approves this version. Until then its content sits unpacked under its own storage path and the
    libraries it brings are only described here: nothing of it reaches the shared library store.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("en attente")
        APPROVED = "approved", _("approuvée")
        REJECTED = "rejected", pgettext_lazy("version H5P", "refusée")
        ROLLED_BACK = "rolledback", _("annulée (retour à la version précédente)")

    activity = models.ForeignKey(
        H5PActivity, verbose_name=_("activité H5P"), on_delete=models.CASCADE, related_name="versions"
    )
    package = models.FileField(_("paquet H5P (.h5p)"), upload_to="h5p/pending/", max_length=255, blank=True)
    content_path = models.CharField(_("emplacement du contenu en attente"), max_length=255, blank=True)
    h5p_json = models.JSONField(_("h5p.json"), default=dict)
    content_title = models.CharField(_("titre dans le paquet"), max_length=255)
    main_library = models.CharField(_("type de contenu"), max_length=127)
    main_library_version = models.CharField(_("version du type de contenu"), max_length=20)
    # What the package brings, as found at submission: [{"folder", "machine_name", "version", "title"}].
    libraries = models.JSONField(_("bibliothèques apportées"), default=list, blank=True)
    # Folder names ("Machine-major.minor") of every library the new content loads.
    needed = models.JSONField(_("bibliothèques utilisées"), default=list, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("déposée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("déposée le"), auto_now_add=True)
    status = models.CharField(_("état"), max_length=10, choices=Status.choices, default=Status.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("examinée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("examinée le"), null=True, blank=True)
    review_comment = models.TextField(_("commentaire"), blank=True)
    # Set on approval, emptied when a later version is approved or this one is rolled back: what the activity and
    # the libraries it upgraded were before, whose files are kept so that a rollback restores them exactly.
    rollback_state = models.JSONField(_("état précédent"), default=dict, blank=True)

    class Meta:
        verbose_name = _("version en attente")
        verbose_name_plural = _("versions en attente")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return _("%(activity)s — version du %(date)s") % {
            "activity": self.activity,
            "date": self.submitted_at.strftime("%d/%m/%Y %H:%M") if self.submitted_at else "…",
        }

    @property
    def can_roll_back(self):
        return self.status == self.Status.APPROVED and bool(self.rollback_state)

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def content_type_label(self):
        return f"{self.main_library} {self.main_library_version}"
