"""Records of learning: enrolments, one result per activity, every state change, time spent.

Activities are named by a stable key ("lesson:12", "case:40", "quiz:7", "h5p:3", "reflection:<uuid>"),
so progress points at pages and activities, never at a revision: editing content loses nothing.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    STARTED = "started", _("commencé")
    COMPLETED = "completed", _("terminé")
    FAILED = "failed", _("non réussi")


class Enrolment(models.Model):
    class Source(models.TextChoices):
        SELF = "self", _("inscription personnelle")
        ASSIGNMENT = "assignment", _("affectation par un·e responsable")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="enrolments")
    source = models.CharField(_("origine"), max_length=20, choices=Source.choices, default=Source.SELF)
    enrolled_at = models.DateTimeField(_("inscrit·e le"), auto_now_add=True)
    completed_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("dernière activité"), null=True, blank=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="unique_enrolment")]
        indexes = [
            models.Index(fields=["course", "completed_at"]),
            # "Has this learner finished this course?" asked for every assigned learner of a team (dashboards).
            models.Index(
                fields=["user", "course"],
                condition=models.Q(completed_at__isnull=False),
                name="enrolment_completed_idx",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.course_id}"


class ActivityResult(models.Model):
    """The current state of one activity for one learner (best score, completion date)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activity_results")
    activity_key = models.CharField(_("activité"), max_length=120)
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices, default=Status.STARTED)
    score = models.FloatField(_("score (0 à 1)"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("tentatives"), default=0)
    duration_seconds = models.PositiveIntegerField(_("durée (s)"), default=0)
    started_at = models.DateTimeField(_("commencé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)
    completed_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("résultat d'activité")
        verbose_name_plural = _("résultats d'activité")
        constraints = [models.UniqueConstraint(fields=["user", "activity_key"], name="unique_activity_result")]
        indexes = [models.Index(fields=["activity_key", "status"])]

    def __str__(self):
        return f"{self.user_id} · {self.activity_key} · {self.status}"

    @property
    def is_completed(self):
        return self.status == Status.COMPLETED


class ProgressEvent(models.Model):
    """Every state change, timestamped: the evidence training organisations must keep."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="progress_events")
    activity_key = models.CharField(max_length=120)
    status = models.CharField(max_length=20, choices=Status.choices)
    score = models.FloatField(null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("événement de progression")
        verbose_name_plural = _("événements de progression")
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self):
        return f"{self.user_id} · {self.activity_key} · {self.status} · {self.created_at:%Y-%m-%d %H:%M}"


class TimeSpent(models.Model):
    """Visible time on a page per learner and day (heartbeats with an idle cut-off)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="time_spent")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    seconds = models.PositiveIntegerField(default=0)
    last_beat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("temps passé")
        verbose_name_plural = _("temps passé")
        constraints = [models.UniqueConstraint(fields=["user", "page", "day"], name="unique_time_spent_per_day")]

    def __str__(self):
        return f"{self.user_id} · {self.page_id} · {self.day} · {self.seconds}s"


class LessonActivity(models.Model):
    """Index of the activities a published lesson contains, refreshed on publish by courses (see completion.py).

    It lives here, below every activity app, so an activity can ask where it is used without importing courses.
    The table keeps its original name from the courses app.
    """

    lesson = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="activities")
    activity_key = models.CharField(max_length=120, db_index=True)
    required = models.BooleanField(default=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "courses_lessonactivity"
        ordering = ["sort_order"]
        constraints = [models.UniqueConstraint(fields=["lesson", "activity_key"], name="unique_lesson_activity")]

    def __str__(self):
        return f"{self.lesson_id} · {self.activity_key}"
