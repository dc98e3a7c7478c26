from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Comptes")

    def ready(self):
        from core import demo as core_demo
        from core import invalidation, myspace

        from . import audit, demo, notices, personal_data, signals  # noqa: F401
        from .models import Notice

        audit.connect()
        invalidation.learner_records(Notice, "accounts", written_by="accounts.notices")
        myspace.register(
            "accounts-notices",
            "accounts/myspace_notices.html",
            notices.myspace_context,
            order=3,
            visible=lambda user: user.is_authenticated,
            reads=["accounts"],  # the person's notices (accounts.notices drops the token on each write)
        )

        personal_data.register_builtin_sections()
        core_demo.register("accounts", demo.load, order=0)
