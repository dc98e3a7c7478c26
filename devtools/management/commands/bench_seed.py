import json
import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench import seed


class Command(BaseCommand):
    help = (
        "Crée les données de mesure (1 000 apprenant·es, 30 modules, 20 cas, environ 300 000 enregistrements "
        "d'activité...) ; ne fait rien si elles existent déjà."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Supprimer les données de mesure et reconstruire.")
        parser.add_argument("--targets", action="store_true", help="Afficher en JSON les pages et comptes mesurés.")
        parser.add_argument("--tiny", action="store_true", help="Une toute petite échelle (essais rapides).")

    def handle(self, *args, force=False, tiny=False, targets=False, **options):
        # Accounts with a published password: never on a real database by mistake.
        name = str(connection.settings_dict.get("NAME", ""))
        if not settings.DEBUG and "bench" not in name and "test" not in name:
            raise CommandError(
                "bench_seed ne s'exécute que sur une base de mesure (nom contenant « bench ») "
                "ou avec les réglages de développement."
            )
        if targets:
            seed.ensure_staff_totp()
            seed.ensure_course_trainer()
            self.stdout.write(json.dumps(seed.targets()))
            return
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # one line per page published is noise here
        counts = seed.seed(seed.Scale.tiny() if tiny else seed.Scale(), force=force, log=self.stdout.write)
        for label, value in counts.items():
            self.stdout.write(f"{label} : {value}")
        if counts:
            self.stdout.write(f"Mot de passe des comptes de mesure : {seed.PASSWORD}")
