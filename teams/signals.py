from allauth.account.signals import user_logged_in, user_signed_up
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.cache_versions import learner_changed
from progress.models import Enrolment, Status
from progress.signals import activity_recorded

from . import (
    certificates,  # noqa: F401  (connects the certificate receiver)
    charts,
)
from .invitations import accept_pending_from_session
from .models import AssignedLearner, Assignment, LoginRecord, Membership


@receiver(user_logged_in)
def log_sign_in_and_join(sender, request, user, **kwargs):
    LoginRecord.objects.create(user=user)
    accept_pending_from_session(request, user)


@receiver(user_signed_up)
def join_on_sign_up(sender, request, user, **kwargs):
    accept_pending_from_session(request, user)


# --- The dashboard's cached team figures (charts.team_figures) follow the data they count.


def _teams_of(user_id):
    return Membership.objects.filter(user_id=user_id).values_list("team_id", flat=True)


@receiver([post_save, post_delete], sender=Membership)
@receiver([post_save, post_delete], sender=Assignment)
def team_changed(sender, instance, **kwargs):
    charts.invalidate_figures([instance.team_id])


@receiver(post_save, sender=Assignment)
def assignment_saved(sender, instance, created, **kwargs):
    """A new due date shows on every assigned learner's "Mon espace" (new assignments: add_learners)."""
    if not created:
        for user_id in instance.assigned.values_list("user_id", flat=True):
            learner_changed(user_id, "teams")


@receiver([post_save, post_delete], sender=AssignedLearner)
def assigned_learner_changed(sender, instance, **kwargs):
    charts.invalidate_figures(Assignment.objects.filter(pk=instance.assignment_id).values_list("team_id", flat=True))


@receiver(activity_recorded)
def course_completed(sender, result, previous_status, **kwargs):
    if result.activity_key.startswith("course:") and result.is_completed and previous_status != Status.COMPLETED:
        charts.invalidate_figures(_teams_of(result.user_id))


@receiver(post_delete, sender=Enrolment)
def enrolment_deleted(sender, instance, **kwargs):
    charts.invalidate_figures(_teams_of(instance.user_id))
