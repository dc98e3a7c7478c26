from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import demo


class Command(BaseCommand):
    help = "Charge le parcours de démonstration et les comptes de démo (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Autoriser hors des réglages de développement.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Les comptes de démonstration ne sont créés qu'avec les réglages de développement.")
        report = []
        for loader in demo.loaders():
            with transaction.atomic():
                result = loader.load()
            if result:
                report.extend(result)
        for line in report:
            self.stdout.write(line)
