from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string

from core.worker import SelfHealingWorker


class Command(BaseCommand):
    help = (
        "Lance le worker de tâches de production : il attend le retour de la base au lieu de s'arrêter, écrit un "
        "signal de vie lu par /sante/, remet dans la file les tâches d'un worker arrêté et reprogramme les tâches "
        "périodiques (core/worker.py)."
    )

    # A restarted worker must be back at work quickly; `manage.py check` runs at each deployment instead.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue-name", default="default", help="Files traitées, séparées par des virgules ; * : toutes."
        )
        parser.add_argument("--interval", type=float, default=1.0, help="Pause (s) quand la file est vide.")
        parser.add_argument("--worker-id", default="", help="Identifiant unique du worker (tiré au hasard sinon).")
        parser.add_argument("--batch", action="store_true", help="S'arrêter quand la file est vide.")
        parser.add_argument("--max-tasks", type=int, default=None, help="S'arrêter après ce nombre de tâches.")

    def handle(self, *args, queue_name, interval, worker_id, batch, max_tasks, **options):
        worker = SelfHealingWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=False,
            max_tasks=max_tasks,
            worker_id=worker_id or get_random_string(32),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        worker.run()
