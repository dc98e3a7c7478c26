from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Équipes")

    def ready(self):
        from accounts import personal_data
        from accounts.permissions import is_manager
        from core import demo as core_demo
        from core import myspace, navigation

        from . import demo, personal, signals  # noqa: F401
        from .views import myspace as myspace_views

        navigation.register(_("Suivi d'équipe"), "teams:index", order=40, visible=is_manager)
        myspace.register(
            "teams-assignments",
            "teams/myspace_assignments.html",
            myspace_views.assignments_context,
            order=20,
            visible=lambda user: user.is_authenticated,
            reads=["teams", "progress"],  # assignments, and which of them are finished
        )
        myspace.register(
            "teams-certificates",
            "teams/myspace_certificates.html",
            myspace_views.certificates_context,
            order=60,
            visible=lambda user: user.is_authenticated,
            reads=["teams", "progress"],  # certificates, and finished courses still without one
        )
        personal_data.register("equipes", personal.export, files=personal.files, erase=personal.erase, order=40)
        core_demo.register("teams", demo.load, order=90)
