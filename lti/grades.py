"""LTI Assignment and Grade Services: when a learner launched from a platform finishes an activity (or gets a
better score), the score goes back to the platform's line item through the task queue."""

import logging

from django.db import transaction
from django.utils import timezone
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector

from progress.models import Status

from .models import AgsLink
from .toolconf import PlatformToolConf

logger = logging.getLogger(__name__)

AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


def activity_key_of(page):
    quiz = getattr(page, "quiz", None)
    return quiz.activity_key if quiz is not None else page.activity_key


def remember_line_item(platform, user, claims, page):
    """Keep the launch's line item when the platform lets us post scores to it."""
    endpoint = claims.get(AGS_CLAIM) or {}
    scopes = endpoint.get("scope") or []
    if not endpoint.get("lineitem") or SCORE_SCOPE not in scopes:
        return None
    link, _ = AgsLink.objects.update_or_create(
        platform=platform,
        user=user,
        activity_key=activity_key_of(page),
        lineitem=endpoint["lineitem"],
        defaults={"sub": claims["sub"], "scopes": scopes},
    )
    return link


def on_activity_recorded(sender, result, previous_status, **kwargs):
    """Queue a score for every line item of this learner and activity, once the result is final or scored."""
    if result.status == Status.STARTED and result.score is None:
        return
    link_ids = list(
        AgsLink.objects.filter(user_id=result.user_id, activity_key=result.activity_key).values_list("pk", flat=True)
    )
    if not link_ids:
        return
    from .tasks import post_score_task

    score = result.score if result.score is not None else (1.0 if result.status == Status.COMPLETED else 0.0)
    completed = result.status != Status.STARTED
    for link_id in link_ids:
        transaction.on_commit(lambda link_id=link_id: post_score_task.enqueue(link_id, score, completed))


def post_score(link_id, score, completed):
    """Send one score (a fraction, sent out of 100) to the platform. Raises on a platform error."""
    link = AgsLink.objects.select_related("platform").filter(pk=link_id).first()
    if link is None:
        return None
    registration = PlatformToolConf().registration_for(link.platform)
    service_data = {"scope": link.scopes, "lineitem": link.lineitem}
    service = AssignmentsGradesService(ServiceConnector(registration), service_data)
    grade = (
        Grade()
        .set_score_given(round(score * 100, 2))
        .set_score_maximum(100)
        .set_timestamp(timezone.now().isoformat())
        .set_activity_progress("Completed" if completed else "InProgress")
        .set_grading_progress("FullyGraded" if completed else "Pending")
        .set_user_id(link.sub)
    )
    service.put_grade(grade)
    link.last_posted_at = timezone.now()
    link.last_score = score
    link.save(update_fields=["last_posted_at", "last_score"])
    return link.pk
