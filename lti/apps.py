from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LtiConfig(AppConfig):
    name = "lti"
    label = "lti"
    verbose_name = _("LTI 1.3")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.permissions import Role, has_role
        from core import myspace
        from progress.signals import activity_recorded

        from .grades import on_activity_recorded
        from .roster import trained_teams_with_platform

        activity_recorded.connect(on_activity_recorded, dispatch_uid="lti_post_scores")
        myspace.register(
            "lti-trained-teams",
            "lti/myspace_trained_teams.html",
            lambda request: {"teams": list(trained_teams_with_platform(request.user))},
            order=70,
            visible=lambda user: has_role(user, Role.TRAINER),
            reads=["teams"],  # trainers are never served from the cache (core/myspace.py)
        )
