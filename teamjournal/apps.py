from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _erase_team_contributions(sender, instance, **kwargs):
    """Also when an account is deleted outside "delete my account" (admin): contributions follow the same rule."""
    from .journal import erase_personal_data

    erase_personal_data(instance)


class TeamJournalConfig(AppConfig):
    """A team's practice-analysis journal: built on teams (who takes part) and reflections (editor, sanitiser)."""

    name = "teamjournal"
    verbose_name = _("Journal d'équipe")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import pre_delete

        from accounts import personal_data
        from core import demo as core_demo
        from core import myspace

        from . import demo, journal, signals  # noqa: F401 (signals: receivers)
        from .myspace import has_team_journal, team_journal_section

        personal_data.register("journal-equipe", journal.export_personal_data, erase=journal.erase_personal_data)
        pre_delete.connect(
            _erase_team_contributions, sender=settings.AUTH_USER_MODEL, dispatch_uid="reflections_team_contributions"
        )
        myspace.register(
            "journal-equipe",
            "teamjournal/myspace_section.html",
            team_journal_section,
            order=42,
            visible=has_team_journal,
            reads=["teams"],  # the teams the person takes part in
            team_reads=["journal"],  # their sessions and contributions
        )
        core_demo.register("reflections-team", demo.load, order=95)
