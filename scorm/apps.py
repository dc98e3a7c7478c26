from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScormConfig(AppConfig):
    name = "scorm"
    label = "scorm"
    verbose_name = _("Modules SCORM")

    def ready(self):
        from core import activities

        from . import signals  # noqa: F401  (file cleanup on deletion)
        from .models import ScormPackage

        activities.register_titles(
            "scorm", lambda ids: {obj.pk: str(obj) for obj in ScormPackage.objects.filter(pk__in=ids)}
        )
