from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "progress"
    verbose_name = _("Progression")

    def ready(self):
        from accounts import personal_data
        from core import invalidation

        from . import export
        from .models import ActivityResult, Enrolment

        personal_data.register("progression", export.export_progress, order=10)
        # Courses, progress and finished courses on "Mon espace" (api.record_activity also UPDATEs enrolments).
        invalidation.learner_records(Enrolment, "progress", written_by="progress.api.record_activity")
        invalidation.learner_records(ActivityResult, "progress")
