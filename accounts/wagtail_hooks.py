from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import audit, inactivity


@hooks.register("register_log_actions")
def register_account_actions(actions):
    actions.register_action(
        inactivity.PURGED,
        _("Compte inactif supprimé"),
        _("Compte supprimé automatiquement après la période d'inactivité et l'avis envoyé"),
    )
    for action, label, message in audit.LOG_ACTIONS:
        actions.register_action(action, label, message)
