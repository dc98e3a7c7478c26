import json

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.module_loading import import_string

from accounts.models import User


class Command(BaseCommand):
    help = (
        "Ouvre une session pour chacun des comptes de mesure donnés et affiche les clés en JSON (make load) : "
        "200 connexions par mot de passe coûteraient à elles seules des minutes de calcul."
    )

    def add_arguments(self, parser):
        parser.add_argument("emails", nargs="+")

    def handle(self, *args, emails, **options):
        name = str(connection.settings_dict.get("NAME", ""))
        if "bench" not in name and "test" not in name:
            raise CommandError("bench_sessions ne s'exécute que sur une base de mesure (nom contenant « bench »).")
        store = import_string(settings.SESSION_ENGINE + ".SessionStore")
        keys = {}
        for user in User.objects.filter(email__in=emails, email__endswith="@bench.collectif.test"):
            session = store()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
            keys[user.email] = session.session_key
        self.stdout.write(json.dumps(keys))
