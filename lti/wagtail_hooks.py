"""Wagtail admin: administrators register the LTI platforms allowed to launch Collectif."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.permissions import is_admin

from .models import Platform


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
    ]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_platforms():
    return PlatformViewSet()
