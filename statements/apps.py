from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = _("Traces xAPI")

    def ready(self):
        from accounts import personal_data

        from .models import Statement

        personal_data.register(
            "traces_xapi",
            lambda user: list(
                Statement.objects.filter(user=user).values("statement_id", "verb", "object_id", "stored_at")
            ),
            order=90,
        )
