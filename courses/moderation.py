"""Moderation by module (issue 24, item 3): a trainer submits a whole module in one action, a lead trainer decides
once for every page of it.

Wagtail moderates page by page: approving a module of two lessons and a case took three submissions, three
approvals and nine e-mails. A ModuleReview gathers the latest revision of every page of the module that has
unpublished changes (the course page, its lessons, the cases and quiz pages those lessons embed), sends one
e-mail to the lead trainers, and one to the submitter when a lead trainer approves (every revision is published)
or rejects (the drafts stay, with the comment). Wagtail's own per-page workflow e-mails are silenced for pages
waiting in a module review, and submitting a module cancels their per-page workflows.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, Revision

from accounts.permissions import Role, has_role, is_trainer, users_with_role
from cases.models import CasePage
from core.activities import activities_in_stream
from core.links import absolute_url
from core.mail import render_email
from core.scope import cached_on, sees_everyone
from quizzes.models import QuizPage

from .models import CoursePage, CourseTrainer, LessonPage, ModuleReview

SUBMIT = "courses.module_review.submit"
APPROVE = "courses.module_review.approve"
REJECT = "courses.module_review.reject"
COMMENT_MAX_LENGTH = 2000


class ReviewError(Exception):
    """A submission or a decision that cannot be made; the message is shown as is."""


# --- Who may do what ------------------------------------------------------------------------------------------


def may_decide(user):
    """Lead trainers and administrators approve or reject a module; trainers only submit."""
    return user.is_authenticated and user.is_active and has_role(user, Role.LEAD_TRAINER, Role.ADMIN)


def trained_course_ids(user):
    """The modules this person is course trainer of, read once per request (admin listings ask for every row)."""
    return cached_on(
        user,
        "_collectif_trained_course_ids",
        lambda: frozenset(CourseTrainer.objects.filter(trainer=user).values_list("course_id", flat=True)),
    )


def may_submit(user, course):
    """A trainer submits the modules in their scope: those they are course trainer of (CourseTrainer, set by a lead
    trainer) or that they created; lead trainers and administrators any module. And they must be able to edit it."""
    if not (user.is_authenticated and user.is_active and is_trainer(user)):
        return False
    in_scope = sees_everyone(user) or course.owner_id == user.pk or course.pk in trained_course_ids(user)
    return in_scope and course.permissions_for_user(user).can_edit()


# --- What a module holds ----------------------------------------------------------------------------------------


def module_pages(course):
    """The course page, its lessons (published or not), then the case and quiz pages the lessons' latest drafts
    embed, each once, as specific pages."""
    lessons = list(LessonPage.objects.child_of(course).order_by("path"))
    case_ids, quiz_ids = [], []
    for lesson in lessons:
        draft = lesson.get_latest_revision_as_object() if lesson.has_unpublished_changes else lesson
        for key, _required in activities_in_stream(draft.body):
            kind, _sep, ident = key.partition(":")
            if not ident.isdigit():
                continue
            if kind == "case" and int(ident) not in case_ids:
                case_ids.append(int(ident))
            elif kind == "quiz" and int(ident) not in quiz_ids:
                quiz_ids.append(int(ident))
    cases = {case.pk: case for case in CasePage.objects.filter(pk__in=case_ids)}
    quiz_pages = QuizPage.objects.filter(quiz_id__in=quiz_ids).order_by("path")
    return [course, *lessons, *(cases[pk] for pk in case_ids if pk in cases), *quiz_pages]


def pages_to_submit(course, user):
    """The pages of the module with unpublished changes that this person may edit."""
    return [
        page
        for page in module_pages(course)
        if page.has_unpublished_changes and page.latest_revision_id and page.permissions_for_user(user).can_edit()
    ]


def pending_review(course):
    return ModuleReview.objects.filter(course_id=course.pk, status=ModuleReview.Status.PENDING).first()


def is_in_pending_review(page):
    return Revision.objects.for_instance(page).filter(module_reviews__status=ModuleReview.Status.PENDING).exists()


def review_items(review):
    """[(revision, page)] of a review, in tree order (course, lessons, then cases and quiz pages by their index),
    each page specific. `page.changed_since` says the page was edited again after the submission."""
    revisions = list(review.revisions.all())
    pages = Page.objects.filter(pk__in=[int(r.object_id) for r in revisions]).specific().in_bulk()
    items = []
    for revision in revisions:
        page = pages.get(int(revision.object_id))
        if page is None:  # deleted since: nothing left to publish
            continue
        page.changed_since = page.latest_revision_id != revision.pk
        items.append((revision, page))
    course_path = review.course.path
    items.sort(key=lambda item: (not item[1].path.startswith(course_path), item[1].path))
    return items


# --- Submission and decisions ---------------------------------------------------------------------------------


def submit_module(course, user):
    """Record ONE review of every changed page of the module this person may edit, cancel the per-page workflows
    of these pages and tell the lead trainers by one e-mail. Raises PermissionDenied or ReviewError."""
    if not may_submit(user, course):
        raise PermissionDenied
    with transaction.atomic():
        # Locks the course row: two clicks on « Soumettre » make one review.
        CoursePage.objects.select_for_update().filter(pk=course.pk).first()
        if pending_review(course):
            raise ReviewError(
                _("Ce module attend déjà une validation : elle doit être décidée avant une nouvelle soumission.")
            )
        pages = pages_to_submit(course, user)
        if not pages:
            raise ReviewError(_("Aucune modification à soumettre : toutes les pages du module sont déjà publiées."))
        review = ModuleReview.objects.create(course=course, submitted_by=user)
        review.revisions.set([page.latest_revision_id for page in pages])
        for page in pages:
            state = page.current_workflow_state
            if state is not None:
                state.cancel(user=user)
        log(instance=course, action=SUBMIT, user=user, data={"review": review.pk, "pages": len(pages)})
    notify_reviewers(review)
    return review


def _decide(review, user, status, comment):
    review.status = status
    review.decided_by = user
    review.decided_at = timezone.now()
    review.comment = comment.strip()[:COMMENT_MAX_LENGTH]
    review.save(update_fields=["status", "decided_by", "decided_at", "comment"])


def _locked_pending(review):
    review = ModuleReview.objects.select_for_update().select_related("course").get(pk=review.pk)
    if not review.is_pending:
        raise ReviewError(_("Cette validation a déjà été décidée."))
    return review


def approve(review, user, comment=""):
    """Publish every revision of the review, or none (a case whose graph is unsound stops the whole module)."""
    if not may_decide(user):
        raise PermissionDenied
    with transaction.atomic():
        review = _locked_pending(review)
        for revision, page in review_items(review):
            try:
                revision.publish(user=user)
            except ValidationError as error:
                raise ReviewError(
                    _("« %(title)s » ne peut pas être publiée : %(reasons)s")
                    % {"title": page.get_admin_display_title(), "reasons": " ".join(error.messages)}
                ) from error
            except PermissionDenied as error:
                raise ReviewError(
                    _("Vous n'avez pas le droit de publier « %(title)s ».") % {"title": page.get_admin_display_title()}
                ) from error
        _decide(review, user, ModuleReview.Status.APPROVED, comment)
        log(instance=review.course, action=APPROVE, user=user, data={"review": review.pk, "comment": review.comment})
    notify_submitter(review)
    return review


def reject(review, user, comment):
    """Keep every draft as it is and tell the submitter why (a comment is required)."""
    if not may_decide(user):
        raise PermissionDenied
    if not comment.strip():
        raise ReviewError(_("Expliquez ce qu'il faut reprendre : le commentaire est obligatoire pour refuser."))
    with transaction.atomic():
        review = _locked_pending(review)
        _decide(review, user, ModuleReview.Status.REJECTED, comment)
        log(instance=review.course, action=REJECT, user=user, data={"review": review.pk, "comment": review.comment})
    notify_submitter(review)
    return review


# --- E-mails (French, as every e-mail of the platform) -------------------------------------------------------


def _send(template, review, recipients, pages=()):
    if not recipients:
        return
    with translation.override("fr"):
        context = {
            "review": review,
            "course": review.course,
            "pages": pages,
            "url": absolute_url(reverse("courses_module_reviews:detail", args=[review.pk])),
        }
        subject, body = render_email(f"courses/emails/{template}", context)
    send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, recipients)


def notify_reviewers(review):
    """One e-mail to the lead trainers (administrators when there is none), for the whole module."""
    reviewers = users_with_role(Role.LEAD_TRAINER).filter(is_active=True)
    if not reviewers.exists():
        reviewers = users_with_role(Role.ADMIN).filter(is_active=True)
    emails = reviewers.exclude(email="").exclude(pk=review.submitted_by_id).values_list("email", flat=True)
    pages = [page for _revision, page in review_items(review)]
    _send("module_review_submitted", review, sorted(set(emails)), pages)


def notify_submitter(review):
    submitter = review.submitted_by
    if submitter is None or not submitter.is_active or not submitter.email:
        return
    template = "module_review_approved" if review.status == ModuleReview.Status.APPROVED else "module_review_rejected"
    _send(template, review, [submitter.email])


# --- Wagtail's per-page workflow e-mails ------------------------------------------------------------------------


def _page_of(instance):
    workflow_state = getattr(instance, "workflow_state", instance)  # a TaskState leads to its WorkflowState
    return getattr(workflow_state, "content_object", None)


def unless_in_module_review(notifier):
    """Wagtail's notifier, silent for a page waiting in a module review: the module's one e-mail says it all."""

    def send(sender=None, instance=None, **kwargs):
        page = _page_of(instance)
        if isinstance(page, Page) and is_in_pending_review(page):
            return True
        return notifier(sender=sender, instance=instance, **kwargs)

    return send


def silence_per_page_emails_in_module_reviews():
    """Replace Wagtail's workflow e-mail receivers (admin/signal_handlers.py) by the same ones, filtered."""
    from wagtail.admin import signal_handlers as wagtail_handlers
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

    handlers = wagtail_handlers
    receivers = [
        (task_submitted, TaskState, handlers.task_submission_email_notifier, "group_approval_task_submitted"),
        (workflow_submitted, WorkflowState, handlers.workflow_submission_email_notifier, "workflow_state_submitted"),
        (workflow_rejected, WorkflowState, handlers.workflow_rejection_email_notifier, "workflow_state_rejected"),
        (workflow_approved, WorkflowState, handlers.workflow_approval_email_notifier, "workflow_state_approved"),
    ]
    for signal, sender, notifier, uid in receivers:
        dispatch_uid = f"{uid}_email_notification"
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(unless_in_module_review(notifier), sender=sender, dispatch_uid=dispatch_uid, weak=False)
