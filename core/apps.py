from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Collectif"

    def ready(self):
        from django_tasks_db.compat import task_finished

        from .taskqueue import retry_transient_failure

        task_finished.connect(retry_transient_failure, dispatch_uid="core.retry_transient_failure")
