from django.core.management.base import BaseCommand

from core import periodic


class Command(BaseCommand):
    help = (
        "Programme chaque tâche périodique qui n'a pas d'exécution en attente (idempotent). Lancée par le "
        "processus worker avant `db_worker` : rappels, bilan hebdomadaire, envoi xAPI, purge des séances et des "
        "comptes inactifs."
    )

    def handle(self, *args, **options):
        started = periodic.ensure_scheduled()
        for label in started:
            self.stdout.write(f"Tâche périodique programmée : {label}")
        self.stdout.write(f"{len(periodic.jobs())} tâche(s) périodique(s), {len(started)} programmée(s) maintenant.")
