import os
import subprocess
import sys

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_load_demo_refuses_without_debug(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo")


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "collectif.settings.production",
    "DJANGO_SECRET_KEY": "x" * 20 + "production-secret-key-long-enough-and-random-1234567890",
    "DJANGO_ALLOWED_HOSTS": "collectif.example",
}
# A typical scaled-out deployment: cache and sessions on Redis, media on S3-compatible storage.
SCALED_ENV = {
    **PRODUCTION_ENV,
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://collectif.example",
    "SITE_URL": "https://collectif.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "AWS_STORAGE_BUCKET_NAME": "collectif-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
    "AWS_S3_REGION_NAME": "fr-par",
    "AWS_ACCESS_KEY_ID": "identifiant",
    "AWS_SECRET_ACCESS_KEY": "secret",
    "EMAIL_HOST": "smtp.example.org",
    "EMAIL_USE_TLS": "1",
}


@pytest.mark.parametrize("production_env", [PRODUCTION_ENV, SCALED_ENV], ids=["single-server", "redis-and-s3"])
def test_check_deploy_passes_with_production_settings(production_env):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE" and not k.startswith("AWS_")},
        **production_env,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout, result.stdout + result.stderr


def test_production_settings_use_redis_and_s3_when_configured():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE" and not k.startswith("AWS_")}
    code = (
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE, s.STORAGES['default']['BACKEND'], "
        "s.STORAGES['staticfiles']['BACKEND'])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env={**env, **SCALED_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().splitlines()[-1].split() == [
        "core.cache.ReusedClientRedisCache",
        "django.contrib.sessions.backends.cached_db",
        "storages.backends.s3.S3Storage",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ], result.stderr


def production_setting(names, **env):
    """The values of settings `names` (space-separated) under production settings with this environment."""
    base = {k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "SITE_URL")}
    base = {k: v for k, v in base.items() if k != "WAGTAILADMIN_BASE_URL"}
    values = ", ".join(f"settings.{name}" for name in names.split())
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", f"from django.conf import settings; print({values})"],
        env={**base, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout.strip().splitlines()[-1] if result.returncode == 0 else result.stderr


def test_production_links_use_the_configured_site_address_or_the_first_allowed_host():
    """Links in e-mails and certificates never point at a development host and port (issue 24)."""
    assert production_setting("SITE_URL", SITE_URL="https://formation.example.org/") == "https://formation.example.org"
    derived = production_setting("SITE_URL WAGTAILADMIN_BASE_URL")
    assert derived == "https://collectif.example https://collectif.example"
