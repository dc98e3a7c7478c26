"""The documents the training organisation issues, and the rules that allow them:

- the « attestation de fin de formation » only once the module is complete (courses.completion);
- the « certificat de réalisation » only when some time was realised (the heartbeat time record, progress.TimeSpent);
  it states that realised duration.
Both are stored as Certificate rows so their code can be verified on the public page.
"""

from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.links import absolute_url
from courses.completion import course_is_complete
from courses.models import CoursePage
from progress import api as progress
from progress.signals import activity_recorded

from .evidence import course_records
from .models import Certificate, Membership


def verification_url(certificate):
    return absolute_url(reverse("teams:certificate_verify", args=[certificate.code]))


LEARNER_NAME_LENGTH = Certificate._meta.get_field("learner_name").max_length


def _learner_name(user):
    # First and last names may each take 150 characters: keep what the certificate field holds.
    return (user.get_full_name() or user.get_display_name())[:LEARNER_NAME_LENGTH]


def attestation_refusal(user, course):
    """Why the attestation de fin de formation cannot be issued yet (a French sentence), or None."""
    if course_is_complete(user, course):
        return None
    return _(
        "L'attestation de fin de formation n'est délivrée qu'une fois le module « %(course)s » terminé : "
        "toutes ses leçons doivent être terminées."
    ) % {"course": course.title}


def issue(user, course):
    """The learner's attestation de fin de formation for a completed course (created once); None if the module is
    not complete."""
    existing = Certificate.objects.filter(user=user, course_id=course.pk, kind=Certificate.Kind.ATTESTATION).first()
    if existing:
        return existing
    if attestation_refusal(user, course):
        return None
    record = course_records(user, [course])[0]
    completed_at = record.completed_at or _course_completed_at(user, course) or timezone.now()
    try:
        with transaction.atomic():
            return Certificate.objects.create(
                user=user,
                course_id=course.pk,
                kind=Certificate.Kind.ATTESTATION,
                learner_name=_learner_name(user),
                course_title=course.title,
                started_at=record.enrolled_at,
                completed_at=completed_at,
                duration_minutes=max(record.minutes, 0),
                score=record.score,
            )
    except IntegrityError:
        return Certificate.objects.get(user=user, course_id=course.pk, kind=Certificate.Kind.ATTESTATION)


def _course_completed_at(user, course):
    result = progress.results_for(user, [course.activity_key]).get(course.activity_key)
    return result.completed_at if result else None


def realisation_refusal(record):
    """Why no certificat de réalisation can be issued from this CourseRecord (a French sentence), or None."""
    if record.minutes > 0:
        return None
    return _(
        "Aucun certificat de réalisation ne peut être établi pour le module « %(course)s » : aucun temps de "
        "formation n'a été réalisé (0 minute enregistrée). Le certificat atteste une durée réellement suivie ; "
        "il sera disponible dès que du temps aura été passé sur les leçons du module."
    ) % {"course": record.course.title}


def issue_realisation(user, record):
    """The certificat de réalisation for the realised duration of a CourseRecord; the same row (and code) while
    nothing more was realised, a new one once the duration grows. Callers check realisation_refusal first."""
    course = record.course
    ended_at = record.completed_at or record.last_activity_at or timezone.now()
    existing = (
        Certificate.objects.filter(
            user=user, course_id=course.pk, kind=Certificate.Kind.REALISATION, duration_minutes=record.minutes
        )
        .order_by("-issued_at")
        .first()
    )
    if existing:
        return existing
    return Certificate.objects.create(
        user=user,
        course_id=course.pk,
        kind=Certificate.Kind.REALISATION,
        learner_name=_learner_name(user),
        course_title=course.title,
        started_at=record.enrolled_at,
        completed_at=ended_at,
        duration_minutes=record.minutes,
        score=record.score,
    )


def employer_of(user):
    """The organisation the learner works for (their first team's), for « salarié(e) de l'entreprise »."""
    membership = (
        Membership.objects.filter(user=user, role=Membership.Role.MEMBER)
        .select_related("team__organisation")
        .order_by("joined_at")
        .first()
    )
    return membership.team.organisation.name if membership else ""


@receiver(activity_recorded)
def issue_on_course_completion(sender, result, previous_status, **kwargs):
    """Courses record "course:<id>" completed; the enrolment's completion date is set right after, on commit."""
    if not result.activity_key.startswith("course:") or not result.is_completed or previous_status == "completed":
        return
    course_id = result.activity_key.split(":", 1)[1]
    user = result.user

    def _issue():
        course = CoursePage.objects.filter(pk=course_id).first()
        if course:
            issue(user, course)

    transaction.on_commit(_issue)


def certificates_of(user):
    """The learner's attestations de fin de formation (certificats de réalisation are asked for per module)."""
    return Certificate.objects.filter(user=user, kind=Certificate.Kind.ATTESTATION).order_by("-completed_at")
