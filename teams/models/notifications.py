"""Reminder preferences and the log that makes every reminder go out once."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    reminders = models.BooleanField(
        _("Recevoir les rappels d'échéance"),
        default=True,
        help_text=_("Des e-mails avant l'échéance d'une formation affectée et quand elle est dépassée."),
    )
    weekly_summary = models.BooleanField(
        _("Recevoir le bilan hebdomadaire de mes équipes"),
        default=False,
        help_text=_("Pour les responsables d'équipe : un e-mail chaque lundi avec l'avancement de leurs équipes."),
    )

    class Meta:
        verbose_name = _("préférence de notification")
        verbose_name_plural = _("préférences de notification")

    def __str__(self):
        return str(self.user)


class ReminderLog(models.Model):
    """One row per reminder; the unique constraint is what keeps a reminder from going out twice."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("avant l'échéance")
        OVERDUE = "overdue", _("échéance dépassée")
        MANUAL = "manual", _("relance manuelle")

    assignment = models.ForeignKey("teams.Assignment", on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    # Empty for automatic reminders; a fresh value for each click on "Relancer".
    batch = models.CharField(max_length=40, blank=True, default="")
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("rappel envoyé")
        verbose_name_plural = _("rappels")
        constraints = [models.UniqueConstraint(fields=["assignment", "user", "kind", "batch"], name="unique_reminder")]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.user_id} · {self.assignment_id}"


class SummaryLog(models.Model):
    """The weekly summary sent to a manager, once per week."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week_start = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bilan hebdomadaire envoyé")
        verbose_name_plural = _("bilans hebdomadaires envoyés")
        constraints = [models.UniqueConstraint(fields=["user", "week_start"], name="unique_weekly_summary")]

    def __str__(self):
        return f"{self.user_id} · {self.week_start}"
