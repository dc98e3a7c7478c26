import pytest

pytestmark = pytest.mark.django_db


def test_health_reports_database_cache_and_storage(client):
    response = client.get("/sante/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "storage": "ok"}}


def test_health_answers_503_when_a_check_fails(client, monkeypatch):
    from core import health

    def broken():
        raise ConnectionError("down")

    monkeypatch.setitem(health.CHECKS, "cache", broken)
    response = client.get("/sante/")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "error: ConnectionError"
