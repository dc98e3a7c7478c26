from django.core.management.base import BaseCommand

from teams.tasks import enqueue_due_reminders, ensure_scheduled


class Command(BaseCommand):
    help = (
        "Met en file les rappels d'échéance dus et s'assure que la vérification horaire et le bilan "
        "hebdomadaire sont programmés (idempotent ; exécutés ensuite par `manage.py db_worker`)."
    )

    def handle(self, *args, **options):
        count = enqueue_due_reminders()
        started = ensure_scheduled()
        self.stdout.write(f"{count} rappel(s) mis en file.")
        for name in started:
            self.stdout.write(f"Tâche périodique programmée : {name}")
