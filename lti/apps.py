from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LtiConfig(AppConfig):
    name = "lti"
    label = "lti"
    verbose_name = _("LTI 1.3")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from progress.signals import activity_recorded

        from .grades import on_activity_recorded

        activity_recorded.connect(on_activity_recorded, dispatch_uid="lti_post_scores")
