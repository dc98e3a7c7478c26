"""While the database does not answer (issue 23): 503 with Retry-After, JSON for JSON clients, never a 500."""

import pytest
from django.db import OperationalError
from django.test import Client

from accounts.middleware import UserLanguageMiddleware


@pytest.fixture
def database_down(monkeypatch):
    def unreachable(request):
        raise OperationalError("connection to server at 127.0.0.1 failed")

    monkeypatch.setattr(UserLanguageMiddleware, "language_for", staticmethod(unreachable))


def test_pages_answer_503_with_retry_after(database_down):
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Service momentanément indisponible" in response.content.decode()


def test_json_clients_get_json(database_down):
    response = Client(raise_request_exception=False).post(
        "/h5p/1/declarations/", data="{}", content_type="application/json"
    )
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response.json() == {"error": "Service momentanément indisponible : réessayez dans une minute."}


def test_other_errors_stay_500(monkeypatch):
    def broken(request):
        raise RuntimeError("bug")

    monkeypatch.setattr(UserLanguageMiddleware, "language_for", staticmethod(broken))
    assert Client(raise_request_exception=False).get("/").status_code == 500


def test_postgresql_gives_up_connecting_and_can_stop_long_queries():
    import os
    import subprocess
    import sys

    code = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/collectif",
        "DATABASE_STATEMENT_TIMEOUT_MS": "30000",
        "DJANGO_SETTINGS_MODULE": "collectif.settings.dev",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    options = result.stdout.strip().splitlines()[-1]
    assert "'connect_timeout': 5" in options and "statement_timeout=30000" in options, result.stderr


def test_a_sqlite_file_database_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    """Publishing on the default SQLite set-up answered « database is locked » (issue 24)."""
    import os
    import subprocess
    import sys

    code = (
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); c.execute('PRAGMA busy_timeout'); "
        "print(c.fetchone()[0])"
    )
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'pilote.sqlite3'}"}
    env["DJANGO_SETTINGS_MODULE"] = "collectif.settings.dev"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.split()[-2:] == ["wal", "20000"], result.stderr
