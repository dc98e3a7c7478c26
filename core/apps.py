from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Collectif"

    def ready(self):
        from django_tasks_db.compat import task_finished

        from . import invalidation, myspace
        from .models import CompetenceDomain, CompetenceLabel, Framework
        from .taskqueue import retry_transient_failure

        task_finished.connect(retry_transient_failure, dispatch_uid="core.retry_transient_failure")
        pages = (invalidation.CATALOGUE, invalidation.TEAM_DASHBOARD)
        for model in (CompetenceDomain, Framework, CompetenceLabel):  # titles per diploma are shown as well
            invalidation.records(model, domains_changed, "competence-domains", "content", pages)
        myspace.connect_invalidation()


def domains_changed(sender, **kwargs):
    """Cached pages and figures that show competence domains (catalogue cards, team charts) key on this."""
    from .cache_versions import bump

    bump("competence-domains")
