from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Collectif"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from django_tasks_db.compat import task_finished

        from . import myspace
        from .models import CompetenceDomain
        from .taskqueue import retry_transient_failure

        task_finished.connect(retry_transient_failure, dispatch_uid="core.retry_transient_failure")
        post_save.connect(domains_changed, sender=CompetenceDomain, dispatch_uid="core.domains_saved")
        post_delete.connect(domains_changed, sender=CompetenceDomain, dispatch_uid="core.domains_deleted")
        myspace.connect_invalidation()


def domains_changed(sender, **kwargs):
    """Cached pages and figures that show competence domains (catalogue cards, team charts) key on this."""
    from .cache_versions import bump

    bump("competence-domains")
