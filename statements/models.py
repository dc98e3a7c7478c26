"""The xAPI statement store shared by cases, H5P and any other activity; forwarded to an LRS if configured."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    statement_id = models.UUIDField(_("identifiant"), default=uuid.uuid4, unique=True, editable=False)
    # Empty only on the voiding statements sent for a deleted account (api.void_sent_statements).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="statements"
    )
    verb = models.CharField(_("verbe"), max_length=255)
    object_id = models.CharField(_("objet"), max_length=500, db_index=True)
    data = models.JSONField(_("déclaration"))
    stored_at = models.DateTimeField(_("enregistrée le"), auto_now_add=True, db_index=True)
    forwarded_at = models.DateTimeField(_("transmise au LRS le"), null=True, blank=True)
    forward_attempts = models.PositiveSmallIntegerField(_("tentatives de transmission"), default=0)
    forward_error = models.CharField(_("dernière erreur de transmission"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("déclaration xAPI")
        verbose_name_plural = _("déclarations xAPI")
        ordering = ["-stored_at"]

    def __str__(self):
        return f"{self.user_id} {self.verb.rsplit('/', 1)[-1]} {self.object_id}"
