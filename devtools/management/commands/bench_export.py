import json
import resource
import time
import tracemalloc

from django.core.management.base import BaseCommand
from django.test import RequestFactory

from accounts.models import User


class Command(BaseCommand):
    help = "Mesure le temps et la mémoire de pointe de l'export XLSX du tableau d'une équipe (pour make bench)."

    def add_arguments(self, parser):
        parser.add_argument("team_id", type=int)
        parser.add_argument("manager_email")

    def handle(self, team_id, manager_email, **options):
        from teams.views.dashboard import matrix_export

        request = RequestFactory().get(f"/equipes/{team_id}/export.xlsx")
        request.user = User.objects.get(email=manager_email)
        # Imports and lazy set-up happen once in a real worker: keep them out of the measurement.
        matrix_export(request, team_id=team_id, fmt="xlsx")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        response = matrix_export(request, team_id=team_id, fmt="xlsx")
        seconds = time.perf_counter() - started
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        tracemalloc.start()
        matrix_export(request, team_id=team_id, fmt="xlsx")
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        result = {
            "seconds": round(seconds, 2),
            "peak_mb": round(peak / 1024 / 1024, 1),
            "process_max_rss_mb": round(rss_after, 1),
            "rss_growth_mb": round(rss_after - rss_before, 1),
            "bytes": len(response.content),
        }
        self.stdout.write(json.dumps(result))
