"""Catalogue, training modules (courses) and their lessons, authored in the Wagtail admin."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import LessonBodyBlock


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


class CoursePage(Page):
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
    duration_minutes = models.PositiveIntegerField(_("durée estimée (minutes)"), default=60)
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
            [FieldPanel("audience"), FieldPanel("level"), FieldPanel("duration_minutes"), FieldPanel("domains")],
            heading=_("Repères"),
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
        if self.cover_image_id and not self.cover_alt.strip():
            raise ValidationError(
                {"cover_alt": _("Décrivez l'image de couverture : le texte alternatif est obligatoire.")}
            )

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


class LessonPage(Page):
    summary = models.TextField(_("résumé"), max_length=400, blank=True)
    duration_minutes = models.PositiveIntegerField(_("durée estimée (minutes)"), default=15)
    body = StreamField(LessonBodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("duration_minutes"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("leçon")
        verbose_name_plural = _("leçons")

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


class LessonActivity(models.Model):
    """Index of the activities a published lesson contains, refreshed on publish (see completion.py)."""

    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="activities")
    activity_key = models.CharField(max_length=120, db_index=True)
    required = models.BooleanField(default=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        constraints = [models.UniqueConstraint(fields=["lesson", "activity_key"], name="unique_lesson_activity")]

    def __str__(self):
        return f"{self.lesson_id} · {self.activity_key}"
