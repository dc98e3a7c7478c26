"""The training organisation's legal identity (organisme de formation), printed on every certificate it issues.

A site setting: the organisme de formation is whoever runs the platform, not one of the employers
(teams.Organisation) whose staff follow the courses. Only administrators may edit it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site
from wagtail.permission_policies.sites import SitePermissionPolicy

from core.text_input import validate_single_line

# La Poste's establishments share one SIREN whose SIRET numbers do not follow the Luhn rule (INSEE's exception).
LA_POSTE_SIREN = "356000000"


def luhn_valid(digits):
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def validate_siret(value):
    """14 digits passing the Luhn check (the key INSEE uses), La Poste's establishments excepted."""
    if not (len(value) == 14 and value.isascii() and value.isdigit()):
        raise ValidationError(
            _("Le numéro SIRET doit comporter exactement 14 chiffres, sans espace ni lettre."), code="siret_format"
        )
    if value.startswith(LA_POSTE_SIREN) and value != LA_POSTE_SIREN + "00000":
        valid = sum(int(char) for char in value) % 5 == 0
    else:
        valid = luhn_valid(value)
    if not valid:
        raise ValidationError(
            _(
                "Ce numéro SIRET n'est pas valide : sa clé de contrôle (algorithme de Luhn) ne correspond pas. "
                "Vérifiez chaque chiffre sur l'avis de situation au répertoire SIRENE."
            ),
            code="siret_checksum",
        )


def validate_activity_declaration(value):
    if not (len(value) == 11 and value.isascii() and value.isdigit()):
        raise ValidationError(
            _("Le numéro de déclaration d'activité doit comporter exactement 11 chiffres, sans espace."),
            code="nda_format",
        )


class AdministratorsOnlyPolicy(SitePermissionPolicy):
    """The legal identity is the administrators' business: no group permission opens it to anyone else."""

    def _is_admin(self, user):
        from accounts.permissions import is_admin

        return user.is_authenticated and user.is_active and is_admin(user)

    def user_has_any_permission(self, user, actions):
        return self._is_admin(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self._is_admin(user)

    def sites_user_has_any_permission_for(self, user, actions):
        return Site.objects.all() if self._is_admin(user) else Site.objects.none()


@register_setting(icon="doc-full")
class TrainingProviderSettings(BaseSiteSetting):
    """Raison sociale, SIRET, déclaration d'activité, Qualiopi and signatory of the organisme de formation."""

    legal_name = models.CharField(_("raison sociale"), max_length=200, blank=True, validators=[validate_single_line])
    siret = models.CharField(
        _("numéro SIRET"),
        max_length=14,
        blank=True,
        validators=[validate_siret],
        help_text=_("14 chiffres, sans espace."),
    )
    activity_declaration_number = models.CharField(
        _("numéro de déclaration d'activité"),
        max_length=11,
        blank=True,
        validators=[validate_activity_declaration],
        help_text=_("11 chiffres, attribués par le préfet de région (service régional de contrôle)."),
    )
    activity_declaration_region = models.CharField(
        _("région de la déclaration d'activité"),
        max_length=100,
        blank=True,
        validators=[validate_single_line],
        help_text=_("Par exemple « Île-de-France » : « enregistré auprès du préfet de région Île-de-France »."),
    )
    address = models.TextField(_("adresse"), blank=True)
    city = models.CharField(
        _("ville de délivrance"),
        max_length=120,
        blank=True,
        validators=[validate_single_line],
        help_text=_("Imprimée après « Fait à » sur le certificat de réalisation."),
    )
    qualiopi_mention = models.CharField(
        _("mention Qualiopi"),
        max_length=300,
        blank=True,
        default="La certification qualité a été délivrée au titre de la catégorie d'action suivante : "
        "actions de formation.",
        help_text=_("La mention exigée par la marque Qualiopi, avec la ou les catégories d'actions certifiées."),
    )
    qualiopi_certificate_number = models.CharField(
        _("numéro du certificat Qualiopi"), max_length=100, blank=True, validators=[validate_single_line]
    )
    qualiopi_certifier = models.CharField(
        _("organisme certificateur"), max_length=200, blank=True, validators=[validate_single_line]
    )
    signatory_name = models.CharField(
        _("nom du ou de la signataire"), max_length=200, blank=True, validators=[validate_single_line]
    )
    signatory_role = models.CharField(
        _("fonction du ou de la signataire"),
        max_length=200,
        blank=True,
        validators=[validate_single_line],
        help_text=_("Par exemple « Directrice », « Président » : le représentant légal ou son délégataire."),
    )
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature (image)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Image de la signature, et du cachet le cas échéant, sur fond blanc ou transparent."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("legal_name"),
                FieldPanel("siret"),
                FieldPanel("activity_declaration_number"),
                FieldPanel("activity_declaration_region"),
                FieldPanel("address"),
                FieldPanel("city"),
            ],
            heading=_("Identité de l'organisme de formation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("qualiopi_mention"),
                FieldPanel("qualiopi_certificate_number"),
                FieldPanel("qualiopi_certifier"),
            ],
            heading=_("Certification Qualiopi"),
        ),
        MultiFieldPanel(
            [FieldPanel("signatory_name"), FieldPanel("signatory_role"), FieldPanel("signature")],
            heading=_("Signataire des certificats"),
        ),
    ]

    class Meta:
        verbose_name = _("organisme de formation")
        verbose_name_plural = _("organisme de formation")

    @classmethod
    def get_permission_policy(cls):
        return AdministratorsOnlyPolicy(cls)

    @classmethod
    def current(cls):
        """The setting of the default site: PDFs are built without a request (tasks, personal-data exports)."""
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        return cls.for_site(site) if site else cls()
