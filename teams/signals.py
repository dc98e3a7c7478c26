from allauth.account.signals import user_logged_in
from django.db.models.signals import post_delete
from django.dispatch import receiver

from core import invalidation
from core.invalidation import TEAM_DASHBOARD
from progress.models import ActivityResult, Enrolment, Status
from progress.signals import activity_recorded

from . import (
    certificates,  # noqa: F401  (connects the certificate receiver)
    charts,
)
from .models import AssignedLearner, Assignment, Certificate, Invitation, LoginRecord, Membership


@receiver(user_logged_in)
def log_sign_in(sender, request, user, **kwargs):
    # An invitation opened before login is not accepted here: the adapter brings the person back to its page.
    LoginRecord.objects.create(user=user)


def _invited_accounts(invitation):
    """A pending invitation shows on the invited person's "Mon espace" (it points at them by address only)."""
    from accounts.models import User

    return User.objects.filter(email__iexact=invitation.email).values_list("pk", flat=True)


# --- Cached pages that show team records: "Mon espace" (the learner's teams, assignments, certificates) and the
# dashboard's team figures (charts.team_figures). See core.invalidation.


def _teams_of(user_id):
    return Membership.objects.filter(user_id=user_id).values_list("team_id", flat=True)


def _team_of_assigned(assigned):
    return Assignment.objects.filter(pk=assigned.assignment_id).values_list("team_id", flat=True)


invalidation.learner_records(Membership, "teams")  # which teams (and team journals) the person sees
invalidation.team_records(Membership, charts.FIGURES, teams=lambda m: [m.team_id], pages=(TEAM_DASHBOARD,))
invalidation.learner_records(Certificate, "teams")
invalidation.learner_records(Invitation, "teams", learners=_invited_accounts)
# A due date shows to every assigned member: one team token (new assignments: assigning.add_learners).
invalidation.team_records(Assignment, "assignments", teams=lambda a: [a.team_id], written_by="teams.assigning")
invalidation.team_records(Assignment, charts.FIGURES, teams=lambda a: [a.team_id], pages=(TEAM_DASHBOARD,))
invalidation.learner_records(AssignedLearner, "teams", written_by="teams.assigning.add_learners")
invalidation.team_records(AssignedLearner, charts.FIGURES, teams=_team_of_assigned, pages=(TEAM_DASHBOARD,))
invalidation.declare(ActivityResult, charts.FIGURES, "team", (TEAM_DASHBOARD,), "teams.signals.course_completed")
invalidation.declare(Enrolment, charts.FIGURES, "team", (TEAM_DASHBOARD,), "teams.signals.enrolment_deleted")


@receiver(activity_recorded)
def course_completed(sender, result, previous_status, **kwargs):
    if result.activity_key.startswith("course:") and result.is_completed and previous_status != Status.COMPLETED:
        charts.invalidate_figures(_teams_of(result.user_id))


@receiver(post_delete, sender=Enrolment)
def enrolment_deleted(sender, instance, **kwargs):
    charts.invalidate_figures(_teams_of(instance.user_id))
