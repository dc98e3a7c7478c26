from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class H5PConfig(AppConfig):
    name = "h5p"
    label = "h5p"
    verbose_name = _("Activités H5P")

    def ready(self):
        from core import activities

        from . import signals  # noqa: F401  (file cleanup on deletion)
        from .models import H5PActivity

        activities.register_titles(
            "h5p", lambda ids: {obj.pk: str(obj) for obj in H5PActivity.objects.filter(pk__in=ids)}
        )
