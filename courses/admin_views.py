"""Moderation by module in the Wagtail admin (courses/moderation.py): a trainer submits a module in one action,
a lead trainer reads one review page and decides once. Refusals are real 403s: Wagtail would turn PermissionDenied
into a redirect to its dashboard, which hides the refusal from people and from tests."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied

from . import moderation
from .models import CoursePage, ModuleReview


def _refuse(request):
    return permission_denied(request, PermissionDenied())


def _comment(request):
    return request.POST.get("comment", "")[: moderation.COMMENT_MAX_LENGTH]


def submit(request, course_id):
    """GET: the pages that will be submitted; POST: submit them as one module review."""
    course = get_object_or_404(CoursePage, pk=course_id)
    if not moderation.may_submit(request.user, course):
        return _refuse(request)
    if request.method == "POST":
        try:
            review = moderation.submit_module(course, request.user)
        except moderation.ReviewError as error:
            messages.error(request, str(error))
            return redirect("courses_module_reviews:submit", course_id=course.pk)
        messages.success(
            request,
            _("Module « %(course)s » soumis à validation : %(count)s page(s) dans une seule demande.")
            % {"course": course.title, "count": review.revisions.count()},
        )
        return redirect("wagtailadmin_pages:edit", course.pk)
    context = {
        "course": course,
        "pages": moderation.pages_to_submit(course, request.user),
        "pending": moderation.pending_review(course),
        "page_title": _("Soumettre le module à validation"),
        "header_title": _("Soumettre le module à validation"),
        "header_icon": "resubmit",
    }
    return TemplateResponse(request, "courses/admin/module_review_submit.html", context)


def review_list(request):
    if not moderation.may_decide(request.user):
        return _refuse(request)
    reviews = ModuleReview.objects.select_related("course", "submitted_by", "decided_by")
    context = {
        "pending": reviews.filter(status=ModuleReview.Status.PENDING).order_by("submitted_at"),
        "decided": reviews.exclude(status=ModuleReview.Status.PENDING).order_by("-decided_at")[:20],
        "page_title": _("Validations de modules"),
        "header_title": _("Validations de modules"),
        "header_icon": "tasks",
    }
    return TemplateResponse(request, "courses/admin/module_review_list.html", context)


def review_detail(request, review_id):
    """Every changed page of the module, with links to preview and compare; the decision form for lead trainers.
    The submitter may read it too (the decision e-mail links here)."""
    reviews = ModuleReview.objects.select_related("course", "submitted_by", "decided_by")
    review = get_object_or_404(reviews, pk=review_id)
    may_decide = moderation.may_decide(request.user)
    if not (may_decide or review.submitted_by_id == request.user.pk):
        return _refuse(request)
    items = [
        {
            "revision": revision,
            "page": page,
            "type": page.get_verbose_name(),
            "is_new": page.live_revision_id is None and not page.live,
        }
        for revision, page in moderation.review_items(review)
    ]
    title = _("Validation du module « %(course)s »") % {"course": review.course.title}
    context = {
        "review": review,
        "items": items,
        "may_decide": may_decide and review.is_pending,
        "comment_max_length": moderation.COMMENT_MAX_LENGTH,
        "page_title": title,
        "header_title": title,
        "header_icon": "tasks",
    }
    return TemplateResponse(request, "courses/admin/module_review_detail.html", context)


def _decision(action, success_message):
    @require_POST
    def view(request, review_id):
        if not moderation.may_decide(request.user):
            return _refuse(request)
        review = get_object_or_404(ModuleReview, pk=review_id)
        try:
            action(review, request.user, _comment(request))
        except moderation.ReviewError as error:
            messages.error(request, str(error))
            return redirect("courses_module_reviews:detail", review_id=review.pk)
        messages.success(request, success_message() % {"course": review.course.title})
        return redirect(reverse("courses_module_reviews:list"))

    return view


approve = _decision(moderation.approve, lambda: _("Module « %(course)s » approuvé : toutes ses pages sont publiées."))
reject = _decision(
    moderation.reject, lambda: _("Module « %(course)s » refusé : les brouillons sont gardés et le commentaire envoyé.")
)
