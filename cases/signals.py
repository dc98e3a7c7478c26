"""Keep the cached whole-group case report in step with the records it counts."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import CaseAttempt, CaseDecision
from .report import report_changed


@receiver(post_save, sender=CaseDecision)
@receiver(post_delete, sender=CaseDecision)
def decision_changed(sender, instance, **kwargs):
    if CaseDecision.attempt.is_cached(instance):
        case_id = instance.attempt.case_id
    else:
        case_id = CaseAttempt.objects.filter(pk=instance.attempt_id).values_list("case_id", flat=True).first()
    report_changed(case_id)


@receiver(post_save, sender=CaseAttempt)
def attempt_saved(sender, instance, created=False, update_fields=None, **kwargs):
    # Showing a step saves the attempt (when the step was shown): nothing the report counts.
    if created or update_fields is None or "status" in update_fields:
        report_changed(instance.case_id)


@receiver(post_delete, sender=CaseAttempt)
def attempt_deleted(sender, instance, **kwargs):
    report_changed(instance.case_id)
