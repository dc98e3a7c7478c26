"""LTI 1.3: the platforms (Moodle, Canvas…) registered by administrators, the tool's own key pair, and the link
between a platform's learner (issuer, sub) and a Collectif account."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def origin_of(url):
    """scheme://host[:port] of an absolute URL, or "" when it has none."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""


class Platform(models.Model):
    """A learning platform allowed to launch Collectif: what its administrator gives us."""

    name = models.CharField(_("nom"), max_length=120)
    issuer = models.URLField(
        _("émetteur (issuer)"), max_length=255, help_text=_("Par exemple https://moodle.example.org")
    )
    client_id = models.CharField(_("identifiant client (client_id)"), max_length=255)
    deployment_ids = models.TextField(
        _("identifiants de déploiement"), help_text=_("Un identifiant de déploiement par ligne.")
    )
    auth_login_url = models.URLField(_("URL d'authentification OIDC"), max_length=500)
    auth_token_url = models.URLField(_("URL de jeton OAuth2"), max_length=500)
    key_set_url = models.URLField(_("URL du jeu de clés (JWKS)"), max_length=500)
    organisation = models.ForeignKey(
        "teams.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lti_platforms",
        help_text=_(
            "L'organisation (école, IRTS…) qui utilise cette plateforme : les responsables de ses équipes peuvent "
            "y importer les participant·es des cours de la plateforme. Sans organisation, aucun import."
        ),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("plateforme LTI")
        verbose_name_plural = _("plateformes LTI")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["issuer", "client_id"], name="lti_platform_issuer_client")]

    def __str__(self):
        return self.name

    def clean(self):
        if not self.deployment_id_list():
            raise ValidationError({"deployment_ids": _("Indiquez au moins un identifiant de déploiement.")})

    def deployment_id_list(self):
        return [line.strip() for line in (self.deployment_ids or "").splitlines() if line.strip()]

    def origins(self):
        """Origins allowed to frame the tool for this platform: its issuer's and its login page's."""
        return sorted({origin for origin in (origin_of(self.issuer), origin_of(self.auth_login_url)) if origin})


class ToolKey(models.Model):
    """The tool's RSA key pair, one per installation, made on first use. The private key never leaves the server."""

    kid = models.CharField(max_length=64, unique=True)
    private_key_pem = models.TextField()
    public_key_pem = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("clé de l'outil LTI")
        verbose_name_plural = _("clés de l'outil LTI")

    def __str__(self):
        return self.kid


class LtiIdentity(models.Model):
    """A platform's learner (issuer, sub) tied to a Collectif account: matching never goes by e-mail."""

    issuer = models.CharField(_("émetteur"), max_length=255)
    sub = models.CharField(_("identifiant sur la plateforme (sub)"), max_length=255)
    platform = models.ForeignKey(
        Platform, on_delete=models.SET_NULL, null=True, related_name="identities", verbose_name=_("plateforme")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lti_identities", verbose_name=_("compte")
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    last_launch_at = models.DateTimeField(_("dernier lancement"), null=True, blank=True)

    class Meta:
        verbose_name = _("identité LTI")
        verbose_name_plural = _("identités LTI")
        constraints = [models.UniqueConstraint(fields=["issuer", "sub"], name="lti_identity_issuer_sub")]

    def __str__(self):
        return f"{self.issuer} / {self.sub}"


class UsedNonce(models.Model):
    """Nonces of accepted launches: an id_token presented a second time is refused."""

    issuer = models.CharField(max_length=255)
    nonce = models.CharField(max_length=255)
    used_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "nonce"], name="lti_used_nonce")]

    def __str__(self):
        return self.nonce


class LtiCourse(models.Model):
    """A course (LTI context) of a platform, known from a launch that offered its member list (Names and Role
    Provisioning Services): the managers of the platform's organisation may import its learners into a team."""

    platform = models.ForeignKey(
        Platform, on_delete=models.CASCADE, related_name="courses", verbose_name=_("plateforme")
    )
    context_id = models.CharField(_("identifiant du cours sur la plateforme"), max_length=255)
    title = models.CharField(_("titre"), max_length=255, blank=True)
    label = models.CharField(_("libellé court"), max_length=255, blank=True)
    memberships_url = models.URLField(_("URL de la liste des participant·es (NRPS)"), max_length=500)
    last_launch_at = models.DateTimeField(_("dernier lancement"))

    class Meta:
        verbose_name = _("cours d'une plateforme LTI")
        verbose_name_plural = _("cours des plateformes LTI")
        ordering = ["title", "context_id"]
        constraints = [models.UniqueConstraint(fields=["platform", "context_id"], name="lti_course_context")]

    def __str__(self):
        return self.title or self.label or self.context_id


class AgsLink(models.Model):
    """Where to send a learner's score for a launched activity (LTI Assignment and Grade Services line item)."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="ags_links")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lti_ags_links")
    sub = models.CharField(max_length=255)
    activity_key = models.CharField(max_length=40, db_index=True)
    lineitem = models.URLField(max_length=500)
    scopes = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    last_posted_at = models.DateTimeField(null=True, blank=True)
    last_score = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = _("renvoi de note LTI")
        verbose_name_plural = _("renvois de notes LTI")
        constraints = [
            models.UniqueConstraint(fields=["platform", "user", "activity_key", "lineitem"], name="lti_ags_link")
        ]

    def __str__(self):
        return f"{self.activity_key} → {self.lineitem}"
