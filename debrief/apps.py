from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DebriefConfig(AppConfig):
    name = "debrief"
    verbose_name = _("Séances collectives")

    def ready(self):
        from accounts import personal_data
        from core import demo as core_demo

        from . import demo, personal

        personal_data.register("seances_collectives", personal.export_votes, order=35)
        core_demo.register("debrief", demo.load, order=45)
