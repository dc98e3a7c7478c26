"""Certificates of completion and the sign-in log kept as evidence for Qualiopi."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def new_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Certificate(models.Model):
    """A document the training organisation issued, kept so its code can be verified; names are copied so a
    verification still works after edits.

    Two kinds: the « attestation de fin de formation », issued once per learner and course on completion, and the
    « certificat de réalisation », one per realised duration (a new one when more time has been realised).
    """

    class Kind(models.TextChoices):
        ATTESTATION = "attestation", _("attestation de fin de formation")
        REALISATION = "realisation", _("certificat de réalisation")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    course = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("document"), max_length=20, choices=Kind.choices, default=Kind.ATTESTATION)
    code = models.CharField(_("code de vérification"), max_length=20, unique=True, default=new_code)
    learner_name = models.CharField(_("titulaire"), max_length=200)
    course_title = models.CharField(_("module"), max_length=255)
    started_at = models.DateTimeField(_("début"), null=True, blank=True)
    # For a certificat de réalisation: the end of the realised period (completion, or the last activity).
    completed_at = models.DateTimeField(_("terminé le"))
    duration_minutes = models.PositiveIntegerField(_("durée réalisée (minutes)"), default=0)
    score = models.FloatField(_("résultat moyen"), null=True, blank=True)
    issued_at = models.DateTimeField(_("délivré le"), auto_now_add=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificat")
        verbose_name_plural = _("certificats")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], condition=models.Q(kind="attestation"), name="unique_certificate"
            )
        ]

    def __str__(self):
        return f"{self.code} · {self.course_title}"


class LoginRecord(models.Model):
    """Each sign-in, kept because training organisations must show attendance (connexions) for Qualiopi."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_records")
    at = models.DateTimeField(_("connexion"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("connexion")
        verbose_name_plural = _("connexions")

    def __str__(self):
        return f"{self.user_id} · {self.at:%Y-%m-%d %H:%M}"
