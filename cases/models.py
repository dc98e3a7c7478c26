"""Worked cases: pages for the content (index, case), plain models for the records (attempts, decisions).

Revision pinning: an attempt stores the page revision that was live when it started and is played
from that revision to the end (see CaseAttempt.case_version). A case edited and republished while a
learner is mid-way therefore never moves the learner to a node that no longer exists, and the learner's
decisions keep their meaning. New attempts always start on the live version.
"""

from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import CaseGraphBlock, CasePeopleBlock
from .graph import graph_from_stream, problems, validate

TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]
GUIDE_FEATURES = ["h3", "h4", *TEXT_FEATURES]


class CaseIndexPage(Page):
    """ "Cas pratiques": lists the published cases. Created by a data migration under the home page."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.CasePage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des cas pratiques")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cases"] = CasePage.objects.child_of(self).live().order_by("title").prefetch_related("domains")
        return context


class CasePageForm(WagtailAdminPageForm):
    """Drafts may be saved with an incomplete graph; publishing (or submitting for moderation) is refused
    with one message per fault, shown at the faulty node, choice or field, and listed at the top of the editor."""

    PUBLISH_ACTIONS = ("action-publish", "action-submit")

    def clean(self):
        cleaned_data = super().clean()
        nodes = cleaned_data.get("nodes")
        if nodes is not None and any(action in self.data for action in self.PUBLISH_ACTIONS):
            from .publishing import editor_error

            found = problems(graph_from_stream(nodes))
            if found:
                for problem in found:
                    self.add_error(None, problem.message)
                # The graph field shows only its first error: it is this one, since the field itself was valid.
                self.add_error("nodes", editor_error(found))
        return cleaned_data


class CasePage(Page):
    summary = models.TextField(_("résumé"), max_length=600)
    territory = models.CharField(
        _("territoire"), max_length=300, help_text=_("Où se passe la situation : quartier, commune, structure.")
    )
    situation = RichTextField(_("situation de départ"), features=TEXT_FEATURES)
    people = StreamField(CasePeopleBlock(), verbose_name=_("personnes et partenaires"), blank=True)
    objectives = RichTextField(_("objectifs pédagogiques"), features=TEXT_FEATURES)
    domains = ParentalManyToManyField(
        "core.CompetenceDomain", verbose_name=_("domaines de compétences"), blank=True, related_name="cases"
    )
    justification_required = models.BooleanField(
        _("justification obligatoire"),
        default=True,
        help_text=_("La personne explique son choix avant de voir le retour pédagogique."),
    )
    justification_min_length = models.PositiveSmallIntegerField(
        _("longueur minimale de la justification (caractères)"), default=30
    )
    reflection_prompt = models.TextField(
        _("question de réflexion"),
        blank=True,
        help_text=_("Proposée dans le bilan, pour prolonger le cas dans le journal de bord."),
    )
    reflection_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de réflexion liée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # For trainers only: shown on the case page and the report to trainers, never to learners, never indexed.
    trainer_guide = RichTextField(
        _("guide du formateur"),
        blank=True,
        features=GUIDE_FEATURES,
        help_text=_(
            "Visible des seul·es formateur·rices et administrateur·rices : objectifs, raisonnement attendu à "
            "chaque étape (pourquoi le choix recommandé, ce que révèle le choix tentant), questions de débriefing."
        ),
    )
    nodes = StreamField(
        CaseGraphBlock(),
        verbose_name=_("graphe de décision"),
        blank=True,
        help_text=_(
            "Les étapes de décision et les fins. Un brouillon peut être incomplet ; la publication vérifie le graphe."
        ),
    )

    base_form_class = CasePageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("territory"), FieldPanel("situation"), FieldPanel("people")], heading=_("Contexte")
        ),
        MultiFieldPanel([FieldPanel("objectives"), FieldPanel("domains")], heading=_("Visée pédagogique")),
        MultiFieldPanel(
            [
                FieldPanel("justification_required"),
                FieldPanel("justification_min_length"),
                FieldPanel("reflection_prompt"),
                PageChooserPanel("reflection_page"),
            ],
            heading=_("Déroulement"),
        ),
        FieldPanel("nodes"),
        FieldPanel("trainer_guide"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("territory"),
        index.SearchField("situation"),
    ]
    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("cas pratique")
        verbose_name_plural = _("cas pratiques")

    @property
    def activity_key(self):
        return f"case:{self.pk}"

    @cached_property
    def graph(self):
        return graph_from_stream(self.nodes)

    def publish(self, revision, *args, **kwargs):
        """Last guard for every publication path (admin, workflow, schedule, code): no invalid graph goes live."""
        from .publishing import check_publishable

        check_publishable(revision.as_object())
        return super().publish(revision, *args, **kwargs)

    # The admin preview offers the learner's view and the diagram of the graph with its text equivalent.
    @property
    def preview_modes(self):
        return [("", _("Page du cas")), ("diagram", _("Diagramme du graphe"))]

    def serve_preview(self, request, mode_name):
        if mode_name == "diagram":
            from django.template.response import TemplateResponse

            from .graph import recommended_path, to_mermaid

            graph = self.graph
            response = TemplateResponse(
                request,
                "cases/admin/diagram.html",
                {
                    "page": self,
                    "graph": graph,
                    "mermaid": to_mermaid(graph),
                    "errors": validate(graph),
                    "recommended": recommended_path(graph),
                },
            )
            # Wagtail renders previews through a request to the page's own URL, outside /admin/: give this
            # authors-only view the admin policy, since Mermaid injects its SVG styles inline.
            response._csp_update = settings.ADMIN_CONTENT_SECURITY_POLICY_EXTRA
            return response
        return super().serve_preview(request, mode_name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        attempts = []
        if request.user.is_authenticated and self.pk:  # an unsaved page previewed from "add" has no attempts
            attempts = list(CaseAttempt.objects.filter(user=request.user, case=self).order_by("-started_at"))
        context["attempts"] = attempts
        context["current_attempt"] = next((a for a in attempts if a.status == CaseAttempt.Status.IN_PROGRESS), None)
        context["people_cards"] = self.people
        context["can_open_report"] = self._can_open_report(request.user)
        context["trainer_guide"] = self.trainer_guide if self.shows_guide_to(request.user) else ""
        return context

    def shows_guide_to(self, user):
        """The trainer's guide is for trainers, lead trainers and administrators; learners and managers never see it."""
        from accounts.permissions import is_trainer

        return is_trainer(user)

    def _can_open_report(self, user):
        from .access import may_open_report

        return bool(self.pk) and user.is_authenticated and may_open_report(user, self)


class CaseAttemptQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A learner's attempts are theirs alone: other people's attempts answer 404."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)


class CaseAttempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("en cours")
        COMPLETED = "completed", _("terminé")
        ABANDONED = "abandoned", _("remplacé par une nouvelle tentative")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_attempts")
    case = models.ForeignKey(CasePage, on_delete=models.CASCADE, related_name="attempts")
    # The version played; SET_NULL so that purging old revisions falls back to the live version safely.
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    number = models.PositiveIntegerField(_("tentative n°"), default=1)
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    current_node_key = models.CharField(_("étape en cours"), max_length=50, blank=True)
    # After a decision the learner reads its feedback before going on; resuming shows it again.
    feedback_pending = models.BooleanField(default=False)
    node_shown_at = models.DateTimeField(_("étape affichée le"), null=True, blank=True)
    ending_key = models.CharField(_("fin atteinte"), max_length=50, blank=True)
    score = models.FloatField(_("score (0 à 1)"), null=True, blank=True)
    started_at = models.DateTimeField(_("commencée le"), auto_now_add=True)
    completed_at = models.DateTimeField(_("terminée le"), null=True, blank=True)

    objects = CaseAttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("tentative de cas")
        verbose_name_plural = _("tentatives de cas")
        ordering = ["-started_at"]
        constraints = [models.UniqueConstraint(fields=["user", "case", "number"], name="unique_case_attempt_number")]

    def __str__(self):
        return f"{self.user_id} · {self.case_id} · {self.number}"

    @cached_property
    def case_version(self):
        """The CasePage as it was when this attempt started (the live page if that revision is gone)."""
        if self.revision_id:
            return self.revision.as_object()
        return self.case.specific

    @property
    def graph(self):
        return self.case_version.graph

    @property
    def choice_order_seed(self):
        """This attempt's order of the choices: the same on every reload and resume, different per attempt."""
        return salted_hmac("cases.choice-order", str(self.pk)).hexdigest()

    @property
    def is_finished(self):
        return self.status == self.Status.COMPLETED

    @property
    def score_percent(self):
        return None if self.score is None else round(self.score * 100)


class CaseDecision(models.Model):
    """One decision of one attempt. Labels are copied so the record stays readable after edits."""

    attempt = models.ForeignKey(CaseAttempt, on_delete=models.CASCADE, related_name="decisions")
    step = models.PositiveIntegerField(_("rang"))
    node_key = models.CharField(_("étape"), max_length=50)
    choice_key = models.CharField(_("choix"), max_length=50)
    phase = models.CharField(_("phase"), max_length=20, blank=True)
    node_title = models.CharField(_("titre de l'étape"), max_length=200, blank=True)
    choice_label = models.CharField(_("intitulé du choix"), max_length=300, blank=True)
    quality = models.CharField(_("qualité"), max_length=20, blank=True)
    score = models.PositiveSmallIntegerField(_("points"), default=0)
    max_score = models.PositiveSmallIntegerField(_("points possibles"), default=0)
    justification = models.TextField(_("justification"), blank=True)
    presented_at = models.DateTimeField(_("étape affichée le"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décidé le"), auto_now_add=True)
    time_spent_seconds = models.PositiveIntegerField(_("temps passé (s)"), default=0)

    class Meta:
        verbose_name = _("décision")
        verbose_name_plural = _("décisions")
        ordering = ["attempt", "step"]
        # A double or replayed submission for the same step hits this and is refused: nothing twice.
        constraints = [models.UniqueConstraint(fields=["attempt", "step"], name="unique_case_decision_step")]
        indexes = [models.Index(fields=["node_key", "choice_key"])]

    def __str__(self):
        return f"{self.attempt_id} · {self.step} · {self.node_key} → {self.choice_key}"
