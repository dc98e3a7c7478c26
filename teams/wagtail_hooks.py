"""Wagtail admin: administrators manage organisations, teams and assignments, and can read
reminders, certificates and background task results (read-only: they are records, not content)."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.permissions import is_admin

from . import audit, scope_audit
from .models import Assignment, Certificate, Organisation, ReminderLog, Team


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Administrators may look; nobody adds, edits or deletes through the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and is_admin(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class AdminOnlyPolicy(ModelPermissionPolicy):
    """Organisations and teams are the administrators' business (managers work on the site)."""

    def user_has_permission(self, user, action):
        return user.is_active and is_admin(user)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)


for model in (Organisation, Team, Assignment):
    register_permission_policy(model, AdminOnlyPolicy(model))
for model in (ReminderLog, Certificate, DBTaskResult):
    register_permission_policy(model, ReadOnlyPolicy(model))


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    name = "teams_organisations"
    url_prefix = "equipes/organisations"
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name", "city"]
    search_fields = ["name", "city"]
    form_fields = ["name", "city"]


class TeamViewSet(ModelViewSet):
    model = Team
    name = "teams_equipes"
    url_prefix = "equipes/equipes"
    icon = "group"
    menu_label = _("Équipes")
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name"]


class AssignmentViewSet(ModelViewSet):
    model = Assignment
    name = "teams_affectations"
    url_prefix = "equipes/affectations"
    icon = "date"
    menu_label = _("Affectations")
    list_display = ["course", "team", "due_date", "remind_days_before"]
    list_filter = ["team"]
    form_fields = ["team", "course", "due_date", "remind_days_before"]


class ReadOnlyViewSet(ModelViewSet):
    inspect_view_enabled = True
    copy_view_enabled = False
    exclude_form_fields = []  # the policy refuses add and edit; a form class is still required


class ReminderLogViewSet(ReadOnlyViewSet):
    model = ReminderLog
    name = "teams_rappels"
    url_prefix = "equipes/rappels"
    icon = "mail"
    menu_label = _("Rappels")
    list_display = ["assignment", "user", "kind", "sent_at", "attempts", "last_error"]
    list_filter = ["kind"]


class CertificateViewSet(ReadOnlyViewSet):
    model = Certificate
    name = "teams_certificats"
    url_prefix = "equipes/certificats"
    icon = "tick-inverse"
    menu_label = _("Certificats")
    list_display = ["code", "kind", "course_title", "duration_minutes", "completed_at", "issued_at"]
    list_filter = ["kind"]
    search_fields = ["code", "course_title"]


class TaskResultViewSet(ReadOnlyViewSet):
    model = DBTaskResult
    name = "teams_taches"
    url_prefix = "equipes/taches"
    icon = "cogs"
    menu_label = _("Tâches de fond")
    list_display = ["task_path", "status", "enqueued_at", "run_after", "finished_at", "exception_class_path"]
    list_filter = ["status", "task_path"]
    inspect_view_fields = [
        "task_path",
        "status",
        "args_kwargs",
        "enqueued_at",
        "run_after",
        "started_at",
        "finished_at",
        "worker_ids",
        "return_value",
        "exception_class_path",
        "traceback",
    ]


class TeamsGroup(ViewSetGroup):
    menu_label = _("Équipes")
    menu_icon = "group"
    menu_order = 250
    items = (
        OrganisationViewSet,
        TeamViewSet,
        AssignmentViewSet,
        ReminderLogViewSet,
        CertificateViewSet,
        TaskResultViewSet,
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return TeamsGroup()


@hooks.register("register_log_actions")
def register_team_log_actions(actions):
    audit.register_actions(actions)
    for action, label, message in scope_audit.LOG_ACTIONS:
        actions.register_action(action, label, message)
