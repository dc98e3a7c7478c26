"""Wagtail admin of course trainers: lead trainers and administrators assign who reads every learner's records on
a course's activities (core/scope.py). Plain trainers neither see the menu nor reach the views (403)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.permissions import Role, has_role, users_with_role

from .models import CourseTrainer

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
