"""`make bench-import`: how long a manager's CSV import of 2,000 people takes (target: under 10 s on a 2-core
machine), on a throwaway database built by migrations. A benchmark, not a test: it prints the figures.

Run with `python -m bench.csv_import` (SQLite in memory) or with DATABASE_URL pointing at a PostgreSQL server.
"""

import os
import statistics
import time

ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "2000"))
ROUNDS = int(os.environ.get("BENCH_IMPORT_ROUNDS", "3"))
TARGET_SECONDS = 10


def csv_bytes(round_number):
    lines = ["email;prenom;nom"] + [f"personne{round_number}-{n}@exemple.fr;Prénom{n};Nom{n}" for n in range(ROWS)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def measure_once(round_number, manager, team_factory):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from teams import csv_import

    team = team_factory(round_number, manager)
    started = time.monotonic()
    result = csv_import.parse(SimpleUploadedFile("membres.csv", csv_bytes(round_number), content_type="text/csv"))
    assert result.ok, result.errors[:3]
    outcome = csv_import.import_members(team, result.rows, manager)
    elapsed = time.monotonic() - started
    assert outcome.added == ROWS
    return elapsed


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collectif.settings.test")
    import django

    django.setup()
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        from accounts.permissions import Role
        from tests.factories import make_team, make_user

        manager = make_user(Role.MANAGER, email="responsable@exemple.fr")

        def team_factory(number, manager):
            return make_team(name=f"Équipe {number}", manager=manager)

        timings = [measure_once(number, manager, team_factory) for number in range(ROUNDS)]
    finally:
        teardown_databases(databases, verbosity=0)
    median = statistics.median(timings)
    verdict = "atteint" if median < TARGET_SECONDS else "MANQUÉ"
    print(
        f"Import CSV de {ROWS} personnes : médiane {median:.2f} s sur {ROUNDS} essais "
        f"({', '.join(f'{t:.2f}' for t in timings)}) ; objectif < {TARGET_SECONDS} s : {verdict}."
    )


if __name__ == "__main__":
    main()
