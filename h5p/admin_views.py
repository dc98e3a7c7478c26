"""Review of pending H5P versions in the Wagtail admin: lead trainers and administrators only."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import versions
from .models import H5PPackageVersion
from .packages import PackageError

COMMENT_MAX_LENGTH = 2000


def reviewers_only(view):
    """403 for anybody else (Wagtail would turn PermissionDenied into a redirect to the dashboard)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not versions.can_review(request.user):
            return permission_denied(request, PermissionDenied())
        return view(request, *args, **kwargs)

    return wrapper


class ReviewerOnlyMixin:
    @method_decorator(reviewers_only)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


class VersionListView(ReviewerOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "h5p/admin/version_list.html"
    page_title = gettext_lazy("Versions H5P en attente")
    header_icon = "code"
    breadcrumbs_items = []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pending"] = versions.pending_versions().select_related("activity", "submitted_by")
        context["reviewed"] = (
            H5PPackageVersion.objects.exclude(status=H5PPackageVersion.Status.PENDING)
            .select_related("activity", "submitted_by", "reviewed_by")
            .order_by("-reviewed_at")[:20]
        )
        return context


class VersionDetailView(ReviewerOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """The package summary, its library changes and its content as text.

    The new version is not played here: its scripts would run in the reviewer's admin session, the very
    thing the review guards against. The text of content.json shows what learners would read.
    """

    template_name = "h5p/admin/version_detail.html"
    header_icon = "code"
    breadcrumbs_items = []

    def get_page_title(self):
        return _("Version en attente : %(activity)s") % {"activity": self.version.activity}

    def dispatch(self, request, *args, **kwargs):
        self.version = get_object_or_404(
            H5PPackageVersion.objects.select_related("activity", "submitted_by", "reviewed_by"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = self.version
        activity = version.activity
        new_content = versions.read_content(version) if version.is_pending else ""
        live_content = versions.read_live_content(activity)
        context.update(
            {
                "version": version,
                "activity": activity,
                "live_lessons": versions.access.lessons_using(activity),
                "library_changes": versions.library_changes(version),
                "new_content": new_content,
                "live_content": live_content,
                "content_diff": versions.content_diff(live_content, new_content) if new_content else "",
                "comment_max_length": COMMENT_MAX_LENGTH,
            }
        )
        return context


def _comment(request):
    return request.POST.get("comment", "")[:COMMENT_MAX_LENGTH]


@require_POST
@reviewers_only
def approve(request, pk):
    version = get_object_or_404(H5PPackageVersion, pk=pk)
    try:
        versions.approve(version, request.user, _comment(request))
    except versions.VersionError as error:
        messages.error(request, str(error))
        return redirect("h5p_versions:detail", pk=pk)
    except PackageError as error:
        messages.error(
            request,
            _("Cette version ne peut plus être installée : %(reasons)s Refusez-la et demandez un nouveau paquet.")
            % {"reasons": " ".join(error.messages)},
        )
        return redirect("h5p_versions:detail", pk=pk)
    messages.success(
        request,
        _("Version approuvée : les apprenant·es jouent désormais la nouvelle version de « %(activity)s ».")
        % {"activity": version.activity},
    )
    return redirect("h5p_versions:list")


@reviewers_only
def rollback(request, pk):
    """GET: what going back changes (the lessons that use the activity, the libraries put back); POST: do it."""
    version = get_object_or_404(H5PPackageVersion.objects.select_related("activity"), pk=pk)
    if request.method == "POST":
        try:
            versions.rollback(version, request.user)
        except versions.VersionError as error:
            messages.error(request, str(error))
            return redirect("h5p_versions:detail", pk=pk)
        messages.success(
            request,
            _("Retour effectué : les apprenant·es jouent de nouveau la version précédente de « %(activity)s ».")
            % {"activity": version.activity},
        )
        return redirect("h5p_versions:detail", pk=pk)
    context = {
        "version": version,
        "activity": version.activity,
        "live_lessons": versions.access.lessons_using(version.activity),
        "libraries": version.rollback_state.get("libraries", []),
    }
    return TemplateResponse(request, "h5p/admin/version_rollback.html", context)


@require_POST
@reviewers_only
def reject(request, pk):
    version = get_object_or_404(H5PPackageVersion, pk=pk)
    try:
        versions.reject(version, request.user, _comment(request))
    except versions.VersionError as error:
        messages.error(request, str(error))
        return redirect("h5p_versions:detail", pk=pk)
    messages.success(
        request,
        _("Version refusée : « %(activity)s » garde sa version approuvée.") % {"activity": version.activity},
    )
    return redirect("h5p_versions:list")
