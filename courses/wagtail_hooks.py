"""Wagtail admin of course trainers: lead trainers and administrators assign who reads every learner's records on
a course's activities (core/scope.py). Plain trainers neither see the menu nor reach the views (403).

Moderation by module (courses/moderation.py): « Soumettre le module à validation » in the editor's action menu,
the page header and the listing of a module or lesson; « Validations de modules » in the menu of lead trainers."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.permissions import Role, has_role, users_with_role
from core.audit_log import CommentedDecisionFormatter

from . import admin_views, moderation
from .models import CoursePage, CourseTrainer, LessonPage, ModuleReview

# An assignment is added or removed, never edited: each change is then one clear entry in the audit log.
ALLOWED_ACTIONS = ("add", "delete", "view")


class LeadTrainersAndAdminsPolicy(ModelPermissionPolicy):
    """Who reads whose records is decided by lead trainers and administrators only."""

    def user_has_permission(self, user, action):
        return action in ALLOWED_ACTIONS and user.is_active and has_role(user, Role.LEAD_TRAINER, Role.ADMIN)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(CourseTrainer, LeadTrainersAndAdminsPolicy(CourseTrainer))


class CourseTrainerForm(WagtailAdminModelForm):
    class Meta:
        model = CourseTrainer
        fields = ["course", "trainer"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainer"].queryset = (
            users_with_role(Role.TRAINER, Role.LEAD_TRAINER).filter(is_active=True).order_by("display_name", "email")
        )


class CourseTrainerCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.assigned_by = self.request.user
        return super().save_instance()


class CourseTrainerViewSet(ModelViewSet):
    model = CourseTrainer
    name = "courses_formateurs"
    url_prefix = "modules/formateurs"
    icon = "user"
    menu_label = _("Formateur·rices des modules")
    menu_order = 260
    add_to_admin_menu = True
    add_view_class = CourseTrainerCreateView
    copy_view_enabled = False
    list_display = ["trainer", "course", "assigned_by", "assigned_at"]
    list_filter = ["course"]

    def get_form_class(self, for_update=False):
        return CourseTrainerForm


@hooks.register("register_admin_viewset")
def register_course_trainers():
    return CourseTrainerViewSet()


# --- Moderation by module ---------------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def module_review_urls():
    urls = [
        path("", admin_views.review_list, name="list"),
        path("<int:review_id>/", admin_views.review_detail, name="detail"),
        path("<int:review_id>/approuver/", admin_views.approve, name="approve"),
        path("<int:review_id>/refuser/", admin_views.reject, name="reject"),
        path("soumettre/<int:course_id>/", admin_views.submit, name="submit"),
    ]
    return [path("modules/validations/", include((urls, "courses_module_reviews")))]


class ModuleReviewsMenuItem(MenuItem):
    """Shown to lead trainers and administrators, with the number of modules waiting for them."""

    def is_shown(self, request):
        return moderation.may_decide(request.user)

    def render_component(self, request):
        count = ModuleReview.objects.filter(status=ModuleReview.Status.PENDING).count()
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, classname=self.classname)


@hooks.register("register_admin_menu_item")
def module_reviews_menu_item():
    return ModuleReviewsMenuItem(
        _("Validations de modules"),
        reverse("courses_module_reviews:list"),
        name="module-reviews",
        icon_name="tasks",
        order=255,
    )


def course_of(page):
    """The module of a course page or of a lesson, else None."""
    specific = page.specific_deferred
    if isinstance(specific, CoursePage):
        return specific
    if isinstance(specific, LessonPage):
        parent = page.get_parent()
        return parent.specific if parent is not None and isinstance(parent.specific, CoursePage) else None
    return None


SUBMIT_LABEL = _("Soumettre le module à validation")


def _submit_button(page, user, priority):
    course = course_of(page)
    if course is not None and moderation.may_submit(user, course):
        yield Button(
            SUBMIT_LABEL,
            url=reverse("courses_module_reviews:submit", args=[course.pk]),
            icon_name="resubmit",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def module_review_listing_buttons(page, user, next_url=None):
    # Module rows only: a lesson row would look its parent up once per row. Lessons offer it in their editor.
    if isinstance(page.specific_deferred, CoursePage):
        yield from _submit_button(page, user, priority=50)


@hooks.register("register_page_header_buttons")
def module_review_header_buttons(page, user, view_name, next_url=None):
    yield from _submit_button(page, user, priority=50)


class SubmitModuleMenuItem(ActionMenuItem):
    """In the editor's action menu of a module or lesson: goes to the confirmation listing the module's changes."""

    label = SUBMIT_LABEL
    name = "action-submit-module"
    icon_name = "resubmit"

    def __init__(self, course, order=None):
        super().__init__(order=order)
        self.course = course

    def get_url(self, parent_context):
        return reverse("courses_module_reviews:submit", args=[self.course.pk])


# Wagtail's French says « Annuler le workflow » and « Redémarrer le workflow »: the platform says « validation ».
WORKFLOW_LABELS = {
    "action-cancel-workflow": _("Annuler la demande de validation"),
    "action-restart-workflow": _("Relancer la validation"),
}


@hooks.register("construct_page_action_menu")
def french_workflow_labels(menu_items, request, context):
    for item in menu_items:
        if item.name in WORKFLOW_LABELS:
            item.label = WORKFLOW_LABELS[item.name]


@hooks.register("construct_page_action_menu")
def module_review_action_menu(menu_items, request, context):
    """Offer the module submission on modules and lessons; a page already waiting in a module review is not
    submitted again on its own (its per-page workflow would mail the lead trainers a second time)."""
    page = context.get("page")
    if context.get("view") != "edit" or page is None or page.pk is None:
        return
    course = course_of(page)
    if course is not None and not context.get("locked_for_user") and moderation.may_submit(request.user, course):
        menu_items.append(SubmitModuleMenuItem(course, order=25))
    if moderation.is_in_pending_review(page):
        menu_items[:] = [item for item in menu_items if item.name != "action-submit"]


@hooks.register("register_log_actions")
def register_module_review_actions(actions):
    actions.register_action(
        moderation.SUBMIT,
        _("Module soumis à validation"),
        _("Module et pages modifiées soumis en une seule demande à un·e formateur·rice référent·e"),
    )

    @actions.register_action(moderation.APPROVE)
    class ApproveFormatter(CommentedDecisionFormatter):
        label = _("Module approuvé")
        message = _("Module approuvé : toutes les pages soumises publiées")

    @actions.register_action(moderation.REJECT)
    class RejectFormatter(CommentedDecisionFormatter):
        label = _("Module refusé")
        message = _("Module refusé : les brouillons sont gardés")
