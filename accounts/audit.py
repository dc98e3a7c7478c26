"""Account events in Wagtail's audit log (« Historique du site », readable by administrators): role changes by any
path (admin, invitation, demo, shell: a signal on the groups relation, so no path forgets), personal-data
downloads and account deletions. Entries name the account by number, never by its content."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .models import RoleGroup

ROLE_ADDED = "collectif.accounts.role_added"
ROLE_REMOVED = "collectif.accounts.role_removed"
DATA_EXPORTED = "collectif.accounts.data_exported"
ACCOUNT_DELETED = "collectif.accounts.deleted"

# (action, label, message) for the register_log_actions hook (wagtail_hooks.py).
LOG_ACTIONS = (
    (ROLE_ADDED, _("Rôle attribué"), _("Rôle attribué au compte")),
    (ROLE_REMOVED, _("Rôle retiré"), _("Rôle retiré du compte")),
    (DATA_EXPORTED, _("Données personnelles téléchargées"), _("La personne a téléchargé ses données")),
    (ACCOUNT_DELETED, _("Compte supprimé par son titulaire"), _("La personne a supprimé son compte et ses données")),
)


def log_data_exported(user):
    log(instance=user, action=DATA_EXPORTED, user=user, title=f"#{user.pk}", data={"user_id": user.pk})


def log_account_deleted(user):
    """Before the deletion: the entry keeps the account number only (the log has no foreign key to the user)."""
    log(instance=user, action=ACCOUNT_DELETED, user=None, title=f"#{user.pk}", data={"user_id": user.pk})


def role_codes(group_ids):
    return sorted(RoleGroup.objects.filter(group_id__in=group_ids).values_list("code", flat=True))


def log_role_change(sender, instance, action, pk_set, **kwargs):
    """User.groups changed from the user's side (user.groups.add/remove/clear): one entry per change of roles.
    The acting person comes from Wagtail's log context (every admin view sets it) when there is one."""
    if action == "pre_clear":
        instance._groups_before_clear = list(instance.groups.values_list("pk", flat=True))
        return
    if action == "post_clear":
        pk_set, action = getattr(instance, "_groups_before_clear", []), "post_remove"
    if action not in ("post_add", "post_remove") or not isinstance(instance, get_user_model()):
        return
    codes = role_codes(pk_set or ())
    if codes:
        kind = ROLE_ADDED if action == "post_add" else ROLE_REMOVED
        log(instance=instance, action=kind, title=f"#{instance.pk}", data={"user_id": instance.pk, "roles": codes})


def connect():
    m2m_changed.connect(log_role_change, sender=get_user_model().groups.through, dispatch_uid="collectif_role_audit")
