from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The site root: what the platform offers, for whom, with an entry point per role."""

    intro = models.CharField(_("accroche"), max_length=300, blank=True)
    body = RichTextField(_("présentation"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")


class StandardPage(Page):
    """Institutional pages: about, accessibility statement, legal notice, privacy policy."""

    intro = models.CharField(_("chapeau"), max_length=400, blank=True)
    body = RichTextField(
        _("contenu"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "blockquote"], blank=True
    )
    show_in_footer = models.BooleanField(_("lien dans le pied de page"), default=False)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = Page.promote_panels + [FieldPanel("show_in_footer")]
    search_fields = Page.search_fields
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")
