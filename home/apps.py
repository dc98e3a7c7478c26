from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Accueil")

    def ready(self):
        from core import demo as core_demo

        from . import demo

        core_demo.register("home", demo.load, order=5)
