from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import inactivity


@hooks.register("register_log_actions")
def register_account_actions(actions):
    actions.register_action(
        inactivity.PURGED,
        _("Compte inactif supprimé"),
        _("Compte supprimé automatiquement après la période d'inactivité et l'avis envoyé"),
    )
