"""What a manager does for a team: invite, import members, assign courses, send a reminder now."""

import logging
import uuid
from smtplib import SMTPException

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User

from .. import audit, csv_import, invitations, scope
from ..assigning import assign_courses
from ..forms import AssignmentForm, ImportForm, InvitationForm
from ..models import Assignment, Invitation, ReminderLog
from ..reminders import manual_targets
from ..tasks import send_invitations_task, send_reminder_task, send_welcome_emails_task
from .dashboard import manager_required

logger = logging.getLogger(__name__)


@manager_required
def invite(request, team_id):
    team = scope.team_or_404(request.user, team_id)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitations.create_invitation(
                team, data["email"], invited_by=request.user, first_name=data["first_name"], last_name=data["last_name"]
            )
        except (OSError, SMTPException):
            logger.exception("Invitation e-mail to team %s could not be sent", team.pk)
            messages.error(
                request,
                _("L'e-mail d'invitation n'a pas pu partir : rien n'a été enregistré. Réessayez dans un moment."),
            )
        else:
            messages.success(request, _("Invitation envoyée à %(email)s.") % {"email": data["email"]})
            return redirect("teams:invite", team.pk)
    pending = Invitation.objects.filter(team=team).order_by("-created_at")[:50]
    return render(request, "teams/invite.html", {"team": team, "form": form, "invitations": pending})


@manager_required
def import_members(request, team_id):
    team = scope.team_or_404(request.user, team_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        result = csv_import.parse(form.cleaned_data["file"])
        if result.ok:
            outcome = csv_import.import_members(team, result.rows, request.user)
            _send_after_commit(team, outcome)
            read_as = _("Fichier lu en %(encoding)s.") % {"encoding": result.encoding}
            messages.success(request, f"{read_as} {import_summary(outcome)}")
            return redirect("teams:dashboard", team.pk)
        errors = result.errors
        messages.error(
            request,
            _("Aucune personne n'a été importée : corrigez les erreurs ci-dessous puis envoyez le fichier à nouveau."),
        )
    return render(request, "teams/import.html", {"team": team, "form": form, "errors": errors})


def _send_after_commit(team, outcome):
    user_ids, invitation_ids = [u.pk for u in outcome.created_users], list(outcome.invitation_ids)
    if user_ids:
        transaction.on_commit(lambda: send_welcome_emails_task.enqueue(team.pk, user_ids))
    if invitation_ids:
        transaction.on_commit(lambda: send_invitations_task.enqueue(invitation_ids))


def import_summary(outcome):
    """One sentence: how many were added (accounts created for the team), invited (waiting for consent), refused."""
    parts = [
        ngettext(
            "%(count)s personne ajoutée à l'équipe (compte créé pour l'équipe, e-mail de bienvenue envoyé)",
            "%(count)s personnes ajoutées à l'équipe (comptes créés pour l'équipe, e-mail de bienvenue envoyé)",
            outcome.added,
        )
        % {"count": outcome.added},
        ngettext(
            "%(count)s invitation envoyée (compte existant : la personne rejoindra l'équipe seulement si elle accepte)",
            "%(count)s invitations envoyées (comptes existants : chaque personne rejoindra l'équipe seulement si "
            "elle accepte)",
            outcome.invited,
        )
        % {"count": outcome.invited},
        ngettext(
            "%(count)s refus (invitation à cette équipe déjà refusée : pas de nouvelle invitation)",
            "%(count)s refus (invitations à cette équipe déjà refusées : pas de nouvelle invitation)",
            outcome.declined,
        )
        % {"count": outcome.declined},
    ]
    if outcome.already_members:
        parts.append(
            ngettext(
                "%(count)s personne déjà membre de l'équipe",
                "%(count)s personnes déjà membres de l'équipe",
                outcome.already_members,
            )
            % {"count": outcome.already_members}
        )
    return _("Import terminé : %(parts)s.") % {"parts": " ; ".join(parts)}


@manager_required
def assign(request, team_id):
    team = scope.team_or_404(request.user, team_id)
    form = AssignmentForm(request.POST or None, team=team)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        learners = list(data["learners"]) if data["target"] == "members" else None
        created = assign_courses(
            team,
            list(data["courses"]),
            data["due_date"],
            learners=learners,
            remind_days_before=data["remind_days_before"],
            created_by=request.user,
        )
        messages.success(
            request,
            ngettext(
                "%(count)s module affecté : chaque personne concernée est prévenue par e-mail et dans « Mon espace ».",
                "%(count)s modules affectés : chaque personne concernée est prévenue par e-mail et dans "
                "« Mon espace ».",
                len(created),
            )
            % {"count": len(created)},
        )
        return redirect("teams:dashboard", team.pk)
    return render(request, "teams/assign.html", {"team": team, "form": form})


@manager_required
def remind(request, team_id, assignment_id):
    """ "Relancer": first a page saying who will be reminded, then (POST) a reminder now to the assigned learners who
    have not finished (reminders on). Each click is in the audit log; each reminder in the member's history."""
    team = scope.team_or_404(request.user, team_id)
    assignment = get_object_or_404(Assignment.objects.select_related("course"), pk=assignment_id, team=team)
    targets = manual_targets(assignment)
    if request.method != "POST":
        people = User.objects.filter(pk__in=targets).order_by("display_name", "email")
        context = {"team": team, "assignment": assignment, "count": len(targets), "people": people[:50]}
        return render(request, "teams/remind_confirm.html", context)
    batch = uuid.uuid4().hex

    def enqueue():
        for user_id in targets:
            send_reminder_task.enqueue(assignment.pk, user_id, ReminderLog.Kind.MANUAL, batch)

    transaction.on_commit(enqueue)
    if targets:
        audit.log_manual_reminder(team, assignment, len(targets), request.user)
        messages.success(
            request,
            ngettext(
                "Relance envoyée à %(count)s personne qui n'a pas terminé « %(course)s ».",
                "Relance envoyée à %(count)s personnes qui n'ont pas terminé « %(course)s ».",
                len(targets),
            )
            % {"count": len(targets), "course": assignment.course.title},
        )
    else:
        messages.info(request, _("Personne à relancer : tout le monde a terminé ou a désactivé les rappels."))
    return redirect("teams:dashboard", team.pk)
