"""Quiz pages: a quiz published on its own, under the "Quiz" index page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class QuizIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["quizzes.QuizPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des quiz")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["quiz_pages"] = QuizPage.objects.child_of(self).live().select_related("quiz").order_by("path")
        return context


class QuizPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    quiz = models.ForeignKey("quizzes.Quiz", verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="pages")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("quiz")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["quizzes.QuizIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("page de quiz")
        verbose_name_plural = _("pages de quiz")
