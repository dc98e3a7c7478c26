from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScormConfig(AppConfig):
    name = "scorm"
    label = "scorm"
    verbose_name = _("Modules SCORM")

    def ready(self):
        from . import signals  # noqa: F401  (file cleanup on deletion)
