"""Who added whom to a team, and on what basis: entries in Wagtail's audit log, on the team.

Nobody joins a team without consenting, except people whose account an import created for this team; both
ways in (and a refusal) are logged with who acted, so an administrator can answer "who put me in this team?".
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from core.audit_log import log_many

ADDED_NEW_ACCOUNT = "teams.member.add_new_account"
JOINED_BY_INVITATION = "teams.member.join_by_invitation"
DECLINED_INVITATION = "teams.invitation.decline"
REMOVED = "teams.member.remove"
MANUAL_REMINDER = "teams.reminder.manual"
MANAGER_DESIGNATED = "teams.member.designate_manager"
DATA_EXPORTED = "teams.data.export"


def log_added_new_accounts(team, members, manager):
    """A manager's import created these accounts for the team and added them (no one else's account is added):
    one entry each, written in one query."""
    entries = [(team, str(team), {"member_id": member.pk, "email": member.email}) for member in members]
    log_many(ADDED_NEW_ACCOUNT, entries, user=manager)


def log_removed(team, membership, by):
    data = {"member_id": membership.user_id, "email": membership.user.email, "role": membership.role}
    return log(team, REMOVED, user=by, data=data)


def log_manual_reminder(team, assignment, count, manager):
    data = {"assignment_id": assignment.pk, "course": assignment.course.title, "count": count}
    return log(team, MANUAL_REMINDER, user=manager, data=data)


def log_manager_designated(team, user, admin):
    return log(team, MANAGER_DESIGNATED, user=admin, data={"member_id": user.pk, "email": user.email})


def log_exported(team, manager, what, fmt, member=None):
    """A manager downloaded team data (the whole follow-up table, a member's record or proof of completion):
    personal data leaving the platform, so the administrators can see who took what."""
    data = {"export": what, "format": fmt}
    if member is not None:
        data.update(member_id=member.pk, email=member.email)
    return log(team, DATA_EXPORTED, user=manager, data=data)


def log_joined(team, member, invitation):
    return log(team, JOINED_BY_INVITATION, user=member, data=_invitation_data(member, invitation))


def log_declined(team, member, invitation):
    return log(team, DECLINED_INVITATION, user=member, data=_invitation_data(member, invitation))


def _invitation_data(member, invitation):
    return {
        "member_id": member.pk,
        "email": invitation.email,
        "invitation_id": invitation.pk,
        "invited_by_id": invitation.invited_by_id,
    }


def _formatter(label, message):
    class Formatter(LogFormatter):
        def format_message(self, log_entry):
            return message % {"email": (log_entry.data or {}).get("email", "?")}

    Formatter.label = label
    return Formatter


def register_actions(actions):
    """For the `register_log_actions` hook (wagtail_hooks.py)."""
    actions.register_action(ADDED_NEW_ACCOUNT)(
        _formatter(_("Membre ajouté·e par import (compte créé)"), _("Compte créé par import et ajouté : %(email)s"))
    )
    actions.register_action(JOINED_BY_INVITATION)(
        _formatter(_("Invitation acceptée"), _("A accepté l'invitation et rejoint l'équipe : %(email)s"))
    )
    actions.register_action(DECLINED_INVITATION)(
        _formatter(_("Invitation refusée"), _("A refusé l'invitation : %(email)s"))
    )
    actions.register_action(REMOVED)(_formatter(_("Membre retiré·e"), _("Retiré·e de l'équipe : %(email)s")))
    actions.register_action(MANAGER_DESIGNATED)(
        _formatter(_("Responsable désigné·e"), _("Désigné·e responsable de l'équipe : %(email)s"))
    )
    actions.register_action(MANUAL_REMINDER, _("Relance envoyée"), _("Relance manuelle des personnes en retard"))
    actions.register_action(DATA_EXPORTED)(ExportFormatter)


EXPORT_LABELS = {
    "matrix": _("tableau de suivi de l'équipe"),
    "member": _("parcours d'un·e membre"),
    "evidence": _("justificatif de réalisation"),
}


class ExportFormatter(LogFormatter):
    label = _("Données de l'équipe exportées")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        what = EXPORT_LABELS.get(data.get("export"), data.get("export", "?"))
        fmt = str(data.get("format", "")).upper()
        if data.get("email"):
            return _("Export %(fmt)s : %(what)s de %(email)s") % {"fmt": fmt, "what": what, "email": data["email"]}
        return _("Export %(fmt)s : %(what)s") % {"fmt": fmt, "what": what}
