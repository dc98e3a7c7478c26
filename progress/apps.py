from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "progress"
    verbose_name = _("Progression")

    def ready(self):
        from accounts import personal_data

        from . import export

        personal_data.register("progression", export.export_progress, order=10)
