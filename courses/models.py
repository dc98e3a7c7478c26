"""Catalogue, training modules (courses) and their lessons, authored in the Wagtail admin."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import LessonBodyBlock
from .durations import computed_course_minutes, computed_lesson_minutes


def duration_field():
    return models.PositiveIntegerField(
        _("durée (minutes)"),
        default=0,
        editable=False,
        help_text=_("Calculée : temps de lecture du texte et durée estimée des activités, sauf durée imposée."),
    )


def duration_override_field():
    return models.PositiveIntegerField(
        _("durée imposée (minutes)"),
        null=True,
        blank=True,
        help_text=_("Laisser vide pour utiliser la durée calculée. Toute durée imposée doit être justifiée."),
    )


def duration_override_reason_field():
    return models.CharField(
        _("motif de la durée imposée"),
        max_length=300,
        blank=True,
        help_text=_("Visible des formateur·rices, à côté de la durée (par exemple : vidéo de 20 minutes)."),
    )


class DurationOverrideMixin:
    """A duration computed from the content (the page's own computed_minutes()), which an author may replace by
    another figure with a reason."""

    def effective_minutes(self):
        if self.duration_override_minutes is not None:
            return self.duration_override_minutes
        return self.computed_minutes()

    def clean_duration_override(self):
        if self.duration_override_minutes is not None and not self.duration_override_reason.strip():
            raise ValidationError(
                {"duration_override_reason": _("Indiquez pourquoi la durée calculée ne convient pas.")}
            )


def route_to_specific_child(parent, child_model, request, path_components):
    """Wagtail's routing, with the child fetched as its specific type in one query (instead of the base page,
    then its specific fields) and its parent remembered, so that breadcrumbs and the lesson's course need no
    further query. Any other child type falls back to Wagtail's own routing."""
    child = child_model.objects.child_of(parent).filter(slug=path_components[0]).first()
    if child is None:
        return Page.route(parent, request, path_components)
    child._cached_parent_obj = parent
    return child.route(request, path_components[1:])


class CourseIndexPage(Page):
    """The catalogue: lists the published courses below it, with filters and search."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]

    def route(self, request, path_components):
        if path_components:
            return route_to_specific_child(self, CoursePage, request, path_components)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .catalogue import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(request, self))
        return context

    class Meta:
        verbose_name = _("catalogue de formations")


class CoursePage(DurationOverrideMixin, Page):
    #: Marks the page type that groups lessons into a course, for apps below courses (see reflections.course_of).
    is_course = True

    class Level(models.TextChoices):
        DISCOVERY = "decouverte", _("Découverte")
        DEEPENING = "approfondissement", _("Approfondissement")
        EXPERT = "expertise", _("Expertise")

    class Sequencing(models.TextChoices):
        FREE = "free", _("Ordre libre")
        LINEAR = "linear", _("Ordre imposé (chaque leçon débloque la suivante)")

    summary = models.TextField(_("résumé"), max_length=600)
    objectives = RichTextField(
        _("objectifs pédagogiques"),
        features=["ul", "ol", "bold", "italic"],
        help_text=_("Ce que la personne saura faire à la fin du module, sous forme de liste."),
    )
    audience = models.CharField(_("public visé"), max_length=300, blank=True)
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices, default=Level.DISCOVERY)
    duration_minutes = duration_field()
    duration_override_minutes = duration_override_field()
    duration_override_reason = duration_override_reason_field()
    domains = ParentalManyToManyField(
        "core.CompetenceDomain", verbose_name=_("domaines de compétences"), blank=True, related_name="courses"
    )
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prérequis"),
        blank=True,
        symmetrical=False,
        related_name="unlocks",
        help_text=_("Modules à terminer avant de pouvoir commencer celui-ci."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de couverture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt = models.CharField(
        _("texte alternatif de l'image"),
        max_length=250,
        blank=True,
        help_text=_("Obligatoire dès qu'une image de couverture est choisie."),
    )
    sequencing = models.CharField(_("progression"), max_length=10, choices=Sequencing.choices, default=Sequencing.FREE)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("level"), FieldPanel("domains")],
            heading=_("Repères"),
        ),
        MultiFieldPanel(
            [FieldPanel("duration_override_minutes"), FieldPanel("duration_override_reason")],
            heading=_("Durée (calculée : somme des leçons)"),
        ),
        MultiFieldPanel([FieldPanel("prerequisites"), FieldPanel("sequencing")], heading=_("Parcours")),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_alt")], heading=_("Couverture")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("audience"),
        index.FilterField("level"),
        index.FilterField("duration_minutes"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module de formation")
        verbose_name_plural = _("modules de formation")

    def clean(self):
        super().clean()
        self.clean_duration_override()
        if self.cover_image_id and not self.cover_alt.strip():
            raise ValidationError(
                {"cover_alt": _("Décrivez l'image de couverture : le texte alternatif est obligatoire.")}
            )

    def computed_minutes(self):
        return computed_course_minutes(self)

    def save(self, *args, **kwargs):
        self.duration_minutes = self.effective_minutes()
        return super().save(*args, **kwargs)

    def get_cache_key_components(self):
        # The duration changes when a lesson is published, without a new revision of the course.
        return [*super().get_cache_key_components(), self.duration_minutes]

    @property
    def activity_key(self):
        return f"course:{self.pk}"

    def route(self, request, path_components):
        if path_components:
            return route_to_specific_child(self, LessonPage, request, path_components)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .learning import course_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        from .learning import serve_course

        return serve_course(request, self, lambda: super(CoursePage, self).serve(request, *args, **kwargs))


class LessonPage(DurationOverrideMixin, Page):
    summary = models.TextField(_("résumé"), max_length=400, blank=True)
    objectives = RichTextField(
        _("objectifs de la leçon"),
        blank=True,
        features=["ul", "bold", "italic"],
        help_text=_("Deux à quatre objectifs, en liste : ce que la personne saura faire après la leçon."),
    )
    duration_minutes = duration_field()
    duration_override_minutes = duration_override_field()
    duration_override_reason = duration_override_reason_field()
    body = StreamField(LessonBodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("duration_override_minutes"), FieldPanel("duration_override_reason")],
            heading=_("Durée (calculée : temps de lecture et activités)"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("leçon")
        verbose_name_plural = _("leçons")

    def computed_minutes(self):
        return computed_lesson_minutes(self.body)

    def clean(self):
        super().clean()
        self.clean_duration_override()

    def save(self, *args, **kwargs):
        self.duration_minutes = self.effective_minutes()
        return super().save(*args, **kwargs)

    @property
    def activity_key(self):
        return f"lesson:{self.pk}"

    def get_context(self, request, *args, **kwargs):
        from .learning import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        """Lessons need an enrolled learner and an open course; refusals explain why (see learning.py)."""
        from .learning import serve_lesson

        return serve_lesson(request, self, lambda: super(LessonPage, self).serve(request, *args, **kwargs))


class CourseTrainer(models.Model):
    """An explicit, audited assignment: this trainer reads every learner's records on the activities of this
    course's lessons (core/scope.py). Set by lead trainers and administrators only, never derived from authorship."""

    course = models.ForeignKey(
        CoursePage, on_delete=models.CASCADE, related_name="course_trainers", verbose_name=_("module")
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="trained_courses",
        verbose_name=_("formateur·rice"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("affecté·e par"),
    )
    assigned_at = models.DateTimeField(_("affecté·e le"), auto_now_add=True)

    class Meta:
        verbose_name = _("formateur·rice du module")
        verbose_name_plural = _("formateur·rices des modules")
        ordering = ["course__title", "trainer__display_name"]
        constraints = [models.UniqueConstraint(fields=["course", "trainer"], name="unique_course_trainer")]

    def __str__(self):
        return f"{self.trainer} · {self.course}"


class ModuleReview(models.Model):
    """One submission of a whole module (the course page, its lessons and the cases and quiz pages they embed) to
    a lead trainer, decided once: approving publishes every included revision, rejecting keeps the drafts. It
    replaces Wagtail's per-page workflows for these pages (courses/moderation.py)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        APPROVED = "approved", _("Approuvée")
        REJECTED = "rejected", _("Refusée")

    course = models.ForeignKey(
        CoursePage, on_delete=models.CASCADE, related_name="module_reviews", verbose_name=_("module")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("soumis par"),
    )
    submitted_at = models.DateTimeField(_("soumis le"), auto_now_add=True)
    status = models.CharField(_("statut"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("décidé par"),
    )
    decided_at = models.DateTimeField(_("décidé le"), null=True, blank=True)
    comment = models.TextField(_("commentaire"), blank=True)
    revisions = models.ManyToManyField(
        "wagtailcore.Revision", related_name="module_reviews", verbose_name=_("révisions soumises")
    )

    class Meta:
        verbose_name = _("validation de module")
        verbose_name_plural = _("validations de modules")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course"], condition=models.Q(status="pending"), name="one_pending_review_per_module"
            )
        ]

    def __str__(self):
        return f"{self.course} · {self.get_status_display()}"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING
