from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Cas pratiques")

    def ready(self):
        from accounts import personal_data
        from core import activities, invalidation, myspace, navigation
        from core import demo as core_demo

        from . import demo, export, signals  # noqa: F401 (signals: connects the report's receivers)
        from .models import CaseAttempt, CasePage

        personal_data.register("cas_pratiques", export.export_attempts, order=30)
        activities.register_titles(
            "case", lambda ids: dict(CasePage.objects.filter(pk__in=ids).values_list("pk", "title"))
        )
        myspace.register(
            "cases",
            "cases/includes/my_space.html",
            export.my_space_context,
            order=40,
            visible=lambda user: user.is_authenticated,
            reads=["cases"],
        )
        invalidation.learner_records(CaseAttempt, "cases")
        core_demo.register("cases", demo.load, order=40)
        navigation.register(_("Cas pratiques"), "cases:index", order=30, visible=lambda user: user.is_authenticated)
