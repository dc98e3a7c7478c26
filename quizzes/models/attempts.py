"""Attempts and answers: plain records, one attempt per (learner, quiz, number)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AttemptQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)

    def in_progress(self):
        return self.filter(submitted_at__isnull=True)

    def visible_to(self, user):
        """A learner sees only their own attempts (others' → 404 in the views)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)


class Attempt(models.Model):
    quiz = models.ForeignKey("quizzes.Quiz", on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    number = models.PositiveIntegerField(_("tentative n°"))
    started_at = models.DateTimeField(_("commencée le"), default=timezone.now)
    deadline = models.DateTimeField(_("heure limite"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("validée le"), null=True, blank=True)
    expired = models.BooleanField(_("validée à l'expiration du temps"), default=False)
    score = models.FloatField(_("score (0 à 1)"), null=True, blank=True)
    passed = models.BooleanField(_("réussie"), null=True, blank=True)
    # [{"q": question id, "choices": [choice ids in display order], "matches": [texts in display order]}]
    layout = models.JSONField(default=list)
    # {"<question id>": response} saved before the final submission (resume, time limit).
    draft = models.JSONField(default=dict, blank=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("tentative")
        verbose_name_plural = _("tentatives")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "user", "number"], name="unique_attempt_number"),
            # At most one unfinished attempt per learner and quiz: a double "start" resumes it.
            models.UniqueConstraint(
                fields=["quiz", "user"], condition=Q(submitted_at__isnull=True), name="one_open_attempt"
            ),
        ]
        indexes = [models.Index(fields=["quiz", "submitted_at"])]

    def __str__(self):
        return f"{self.quiz_id} · {self.user_id} · {self.number}"

    @property
    def is_submitted(self):
        return self.submitted_at is not None

    def is_expired(self, now=None):
        return self.deadline is not None and (now or timezone.now()) > self.deadline

    @property
    def percent(self):
        return None if self.score is None else round(self.score * 100)


class Answer(models.Model):
    """The learner's response to one question of a submitted attempt, scored on the server."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "quizzes.Question", null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    position = models.PositiveSmallIntegerField()
    question_text = models.TextField(blank=True, help_text="Copy of the statement, kept if the question is deleted.")
    response = models.JSONField(null=True, blank=True)
    is_correct = models.BooleanField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        constraints = [models.UniqueConstraint(fields=["attempt", "position"], name="unique_answer_position")]

    def __str__(self):
        return f"{self.attempt_id} · {self.position}"
