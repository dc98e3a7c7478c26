from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _erase_team_contributions(sender, instance, **kwargs):
    """Also when an account is deleted outside "delete my account" (admin): contributions follow the same rule."""
    from .team_journal import erase_personal_data

    erase_personal_data(instance)


class ReflectionsConfig(AppConfig):
    name = "reflections"
    verbose_name = _("Journal de réflexion")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import pre_delete

        from accounts import personal_data
        from core import demo as core_demo
        from core import myspace, navigation

        from . import demo, exports, signals, team_demo, team_journal  # noqa: F401 (signals: receivers)
        from .access import can_read_shared_entries
        from .myspace import has_team_journal, journal_section, team_journal_section

        personal_data.register(
            "journal", exports.export_personal_data, files=exports.markdown_files, erase=exports.erase_personal_data
        )
        personal_data.register(
            "journal-equipe", team_journal.export_personal_data, erase=team_journal.erase_personal_data
        )
        pre_delete.connect(
            _erase_team_contributions, sender=settings.AUTH_USER_MODEL, dispatch_uid="reflections_team_contributions"
        )
        myspace.register(
            "journal", "reflections/myspace_section.html", journal_section, order=40, reads=["reflections"]
        )
        myspace.register(
            "journal-equipe",
            "reflections/team/myspace_section.html",
            team_journal_section,
            order=42,
            visible=has_team_journal,
            reads=["reflections", "teams"],  # the sessions, and the teams the person takes part in
        )
        navigation.register(_("Mon journal"), "reflections:journal", order=40, visible=lambda u: u.is_authenticated)
        navigation.register(_("Journaux partagés"), "reflections:shared", order=41, visible=can_read_shared_entries)
        core_demo.register("reflections", demo.load, order=60)
        core_demo.register("reflections-team", team_demo.load, order=95)
