"""Wagtail admin: administrators register the LTI platforms allowed to launch Collectif."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.permissions import is_admin

from .models import Platform
from .roster import IMPORTED


class AdminOnlyPolicy(ModelPermissionPolicy):
    """Registering a platform lets it log people in: administrators only."""

    def user_has_permission(self, user, action):
        return user.is_active and is_admin(user)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)


register_permission_policy(Platform, AdminOnlyPolicy(Platform))


class PlatformViewSet(ModelViewSet):
    model = Platform
    name = "lti_plateformes"
    url_prefix = "lti/plateformes"
    icon = "link"
    menu_label = _("Plateformes LTI")
    add_to_admin_menu = True
    list_display = ["name", "issuer", "client_id"]
    search_fields = ["name", "issuer", "client_id"]
    form_fields = [
        "name",
        "issuer",
        "client_id",
        "deployment_ids",
        "auth_login_url",
        "auth_token_url",
        "key_set_url",
        "organisation",
    ]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_platforms():
    return PlatformViewSet()


class RosterImportFormatter(LogFormatter):
    label = _("Participant·es importé·es d'une plateforme")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _(
            "Import du cours « %(course)s » (%(platform)s) : %(created)s compte(s) créé(s) et ajouté(s), "
            "%(invited)s invitation(s)"
        ) % {key: data.get(key, "?") for key in ("course", "platform", "created", "invited")}


@hooks.register("register_log_actions")
def register_roster_import(actions):
    actions.register_action(IMPORTED)(RosterImportFormatter)
