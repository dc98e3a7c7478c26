"""Issuing certificates when a course is completed, and finding them again."""

from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.urls import reverse

from core.links import absolute_url
from courses.models import CoursePage
from progress.signals import activity_recorded

from .evidence import course_records
from .models import Certificate


def verification_url(certificate):
    return absolute_url(reverse("teams:certificate_verify", args=[certificate.code]))


LEARNER_NAME_LENGTH = Certificate._meta.get_field("learner_name").max_length


def issue(user, course):
    """The learner's certificate for a completed course (created once); None if not completed."""
    existing = Certificate.objects.filter(user=user, course_id=course.pk).first()
    if existing:
        return existing
    record = course_records(user, [course])[0]
    if not record.completed_at:
        return None
    try:
        with transaction.atomic():
            return Certificate.objects.create(
                user=user,
                course_id=course.pk,
                # First and last names may each take 150 characters: keep what the certificate field holds.
                learner_name=(user.get_full_name() or user.get_display_name())[:LEARNER_NAME_LENGTH],
                course_title=course.title,
                started_at=record.enrolled_at,
                completed_at=record.completed_at,
                duration_minutes=max(record.minutes, 0),
                score=record.score,
            )
    except IntegrityError:
        return Certificate.objects.get(user=user, course_id=course.pk)


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
    return Certificate.objects.filter(user=user).order_by("-completed_at")
