from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Comptes")

    def ready(self):
        from core import demo as core_demo

        from . import audit, demo, personal_data, signals  # noqa: F401

        audit.connect()

        personal_data.register_builtin_sections()
        core_demo.register("accounts", demo.load, order=0)
