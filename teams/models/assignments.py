"""Courses assigned by a manager to a team (or chosen members), with a due date."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Assignment(models.Model):
    team = models.ForeignKey(
        "teams.Team", verbose_name=_("équipe"), on_delete=models.CASCADE, related_name="assignments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("module"), on_delete=models.CASCADE, related_name="assignments"
    )
    due_date = models.DateField(_("échéance"))
    remind_days_before = models.PositiveSmallIntegerField(
        _("rappel (jours avant l'échéance)"),
        default=7,
        help_text=_("Un rappel part ce nombre de jours avant l'échéance ; 0 pour aucun rappel avant l'échéance."),
    )
    whole_team = models.BooleanField(
        _("toute l'équipe"),
        default=True,
        help_text=_("Les personnes qui rejoignent l'équipe plus tard sont aussi affectées."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    learners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="teams.AssignedLearner", related_name="course_assignments", blank=True
    )

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("affectation")
        verbose_name_plural = _("affectations")

    def __str__(self):
        return f"{self.course} → {self.team} ({self.due_date:%d/%m/%Y})"

    @property
    def is_overdue(self):
        return self.due_date < timezone.localdate()


class AssignedLearner(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="assigned")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assigned_courses")
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("personne affectée")
        verbose_name_plural = _("personnes affectées")
        constraints = [models.UniqueConstraint(fields=["assignment", "user"], name="unique_assigned_learner")]

    def __str__(self):
        return f"{self.user_id} · {self.assignment_id}"
