import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent(settings):
    settings.DEBUG = True
    call_command("load_demo")
    first = User.objects.count(), sorted(User.objects.values_list("email", "groups__name"))
    call_command("load_demo")
    assert (User.objects.count(), sorted(User.objects.values_list("email", "groups__name"))) == first
    assert User.objects.filter(email="formatrice@demo.collectif.test").exists()


def test_load_demo_refuses_without_debug(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo")


def test_check_deploy_passes_with_production_settings():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "collectif.settings.production",
        "DJANGO_SECRET_KEY": "x" * 20 + "production-secret-key-long-enough-and-random-1234567890",
        "DJANGO_ALLOWED_HOSTS": "collectif.example",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_demo_institutional_pages_render_and_are_in_the_footer(client, settings):
    from home.models import StandardPage

    settings.DEBUG = True
    call_command("load_demo")
    settings.DEBUG = False
    slugs = set(StandardPage.objects.live().values_list("slug", flat=True))
    assert {"a-propos", "accessibilite", "mentions-legales", "confidentialite"} <= slugs
    home = client.get("/").content.decode()
    assert "Déclaration d&#x27;accessibilité" in home or "Déclaration d'accessibilité" in home
    for page in StandardPage.objects.live():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    statement = client.get(StandardPage.objects.get(slug="accessibilite").url).content.decode()
    assert "partiellement conforme" in statement and "Défenseur des droits" in statement
