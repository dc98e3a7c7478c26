from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

DEMO_CONTROLLER = "Collectif Formation (organisme fictif de démonstration)"


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
    shows_data_controller = models.BooleanField(
        _("afficher le responsable du traitement"),
        default=False,
        help_text=_(
            "Pour la politique de confidentialité : reprend l'identité saisie dans Paramètres > "
            "Responsable du traitement."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = Page.promote_panels + [FieldPanel("show_in_footer"), FieldPanel("shows_data_controller")]
    search_fields = Page.search_fields
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")


@register_setting(icon="lock")
class DataControllerSettings(BaseSiteSetting):
    """Who is responsible for the personal data (RGPD art. 13): the organisation that deploys the platform."""

    name = models.CharField(_("nom de l'organisme"), max_length=200, default=DEMO_CONTROLLER)
    address = models.CharField(
        _("adresse postale"), max_length=300, blank=True, default="Adresse fictive, 00000 Démoville"
    )
    contact_email = models.EmailField(_("e-mail pour exercer ses droits"), default="dpo@collectif.example")
    dpo = models.CharField(
        _("délégué·e à la protection des données"),
        max_length=200,
        blank=True,
        help_text=_("Nom ou service du ou de la DPO, s'il y en a un."),
    )

    panels = [FieldPanel("name"), FieldPanel("address"), FieldPanel("contact_email"), FieldPanel("dpo")]

    class Meta:
        verbose_name = _("responsable du traitement")
