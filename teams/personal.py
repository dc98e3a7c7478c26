"""The teams part of "download my data" and of account deletion."""

from .certificates import verification_url
from .models import (
    AssignedLearner,
    Certificate,
    Invitation,
    LoginRecord,
    Membership,
    NotificationPreference,
    TrainingProviderSettings,
)
from .pdf import certificate_pdf


def export(user):
    pref = NotificationPreference.objects.filter(user=user).values("reminders", "weekly_summary").first()
    return {
        "equipes": list(
            Membership.objects.filter(user=user).values("team__name", "team__organisation__name", "role", "joined_at")
        ),
        "affectations": list(
            AssignedLearner.objects.filter(user=user).values(
                "assignment__course__title", "assignment__due_date", "assigned_at"
            )
        ),
        "certificats": list(
            Certificate.objects.filter(user=user).values(
                "kind", "code", "course_title", "started_at", "completed_at", "duration_minutes", "issued_at", "score"
            )
        ),
        "connexions": list(LoginRecord.objects.filter(user=user).values_list("at", flat=True)),
        "invitations": list(
            Invitation.objects.filter(email__iexact=user.email).values(
                "team__name", "team__organisation__name", "created_at", "accepted_at", "declined_at"
            )
        ),
        "preferences": pref or {"reminders": True, "weekly_summary": False},
    }


def files(user):
    """The attestations as PDFs (certificats de réalisation are listed in the data: they are rebuilt on request)."""
    provider = TrainingProviderSettings.current()
    for certificate in Certificate.objects.filter(user=user, kind=Certificate.Kind.ATTESTATION):
        yield (
            f"certificat-{certificate.code}.pdf",
            certificate_pdf(certificate, verification_url(certificate), provider),
        )


def erase(user):
    """Certificates stay verifiable (the code and the course) but lose the holder's name."""
    Certificate.objects.filter(user=user).update(learner_name="", user=None)
    Invitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True).delete()
