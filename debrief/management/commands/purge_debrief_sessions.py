from django.core.management.base import BaseCommand

from debrief.tasks import ensure_scheduled, purge_old_sessions, retention_days


class Command(BaseCommand):
    help = (
        "Supprime les séances collectives (et leurs invité·es et votes) plus anciennes que "
        "DEBRIEF_RETENTION_DAYS, puis s'assure que la purge quotidienne est programmée (idempotent)."
    )

    def handle(self, *args, **options):
        count = purge_old_sessions()
        self.stdout.write(f"{count} séance(s) de plus de {retention_days()} jours supprimée(s).")
        if ensure_scheduled():
            self.stdout.write("Tâche périodique programmée : purge_old_sessions_task")
