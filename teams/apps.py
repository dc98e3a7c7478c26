from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Équipes")

    def ready(self):
        from accounts import diplomas, personal_data
        from accounts.permissions import is_manager
        from core import demo as core_demo
        from core import myspace, navigation

        from . import demo, personal, scope_audit, signals  # noqa: F401
        from .diplomas import team_framework
        from .models import Membership
        from .views import myspace as myspace_views

        scope_audit.connect()
        diplomas.register_fallback(team_framework)
        navigation.register(_("Suivi d'équipe"), "teams:index", order=40, visible=is_manager)
        myspace.register(
            "teams-invitations",
            "teams/myspace_invitations.html",
            myspace_views.invitations_context,
            order=5,
            visible=lambda user: user.is_authenticated,
            reads=["teams"],  # invitations to the person's addresses (teams.signals bumps the token)
        )
        myspace.register(
            "teams-assignments",
            "teams/myspace_assignments.html",
            myspace_views.assignments_context,
            order=20,
            visible=lambda user: user.is_authenticated,
            reads=["teams", "progress"],  # assignments, and which of them are finished
            team_reads=["assignments"],  # due dates set for the whole team
        )
        myspace.register(
            "teams-certificates",
            "teams/myspace_certificates.html",
            myspace_views.certificates_context,
            order=60,
            visible=lambda user: user.is_authenticated,
            reads=["teams", "progress"],  # certificates, and finished courses still without one
        )
        myspace.register_teams_of(
            lambda user_id: list(Membership.objects.filter(user_id=user_id).values_list("team_id", flat=True))
        )
        personal_data.register("equipes", personal.export, files=personal.files, erase=personal.erase, order=40)
        core_demo.register("teams", demo.load, order=90)
