from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statements.tasks import forward_pending


class Command(BaseCommand):
    help = "Met en file d'attente l'envoi au LRS de toutes les déclarations xAPI pas encore transmises."

    def handle(self, *args, **options):
        if not settings.LRS_ENDPOINT:
            raise CommandError("LRS_ENDPOINT n'est pas configuré : aucun envoi possible.")
        count = forward_pending()
        self.stdout.write(f"{count} déclaration(s) en file d'attente pour le LRS.")
