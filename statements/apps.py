from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import pre_delete
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
        # Every way an account disappears (its holder, the inactivity purge, the admin) voids what the LRS got
        # before the cascade deletes the account's statements.
        pre_delete.connect(void_before_account_deletion, sender=settings.AUTH_USER_MODEL, dispatch_uid=__name__)


def void_before_account_deletion(sender, instance, **kwargs):
    from .api import void_sent_statements

    void_sent_statements(instance)
