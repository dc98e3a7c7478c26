from datetime import timedelta

from django.core.management.base import BaseCommand

from core.taskqueue import requeue_stale_tasks


class Command(BaseCommand):
    help = "Remet dans la file les tâches restées « en cours » après l'arrêt brutal d'un worker."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=float, default=15, help="Âge minimal d'une tâche en cours (minutes).")

    def handle(self, *args, minutes, **options):
        count = requeue_stale_tasks(timedelta(minutes=minutes))
        self.stdout.write(f"{count} tâche(s) remise(s) dans la file.")
