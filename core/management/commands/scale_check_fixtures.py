from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Crée les comptes et contenus utilisés par `make scale-check`."

    def handle(self, *args, **options):
        from scripts.scale_fixtures import create

        create()
