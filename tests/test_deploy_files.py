"""Lint of the deployment files: these machines cannot pull base images, so compose.yaml and the Dockerfile
are never run here; these checks catch the mistakes a run would (missing files, services, commands)."""

import re
import shlex
from pathlib import Path

import yaml
from django.urls import resolve

ROOT = Path(__file__).resolve().parent.parent


def dockerfile_instructions():
    """[(INSTRUCTION, arguments)] with continuation lines joined and comments dropped."""
    text = (ROOT / "Dockerfile").read_text()
    logical = re.sub(r"\\\n\s*", " ", text)
    instructions = []
    for line in logical.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _space, rest = line.partition(" ")
            instructions.append((keyword.upper(), rest.strip()))
    return instructions


def test_compose_declares_the_whole_stack():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert {"db", "redis", "release", "web", "worker"} <= set(services)
    assert services["db"]["image"].startswith("postgres:") and "healthcheck" in services["db"]
    assert services["redis"]["image"].startswith("redis:")
    for name in ("release", "web", "worker"):
        service = services[name]
        assert service["build"] == "."
        assert service["env_file"] == ".env"
    assert (ROOT / ".env.example").is_file(), "the .env the services read is documented by .env.example"
    assert "migrate" in " ".join(services["release"]["command"])
    assert services["release"]["depends_on"]["db"]["condition"] == "service_healthy"
    for name in ("web", "worker", "lrs-worker"):
        assert services[name]["depends_on"]["release"]["condition"] == "service_completed_successfully"
    # The self-healing worker (core/worker.py) on the default queue, xAPI forwarding on its own, both restarted.
    assert services["worker"]["command"][-3:] == ["run_worker", "--queue-name", "default"]
    assert services["lrs-worker"]["command"][-3:] == ["run_worker", "--queue-name", "lrs"]
    for name in ("db", "redis", "web", "worker", "lrs-worker"):
        assert services[name]["restart"] == "unless-stopped", name
    assert services["web"]["ports"] == ["8000:8000"]
    declared = set(compose.get("volumes") or {})
    for service in services.values():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            assert source.startswith((".", "/")) or source in declared, f"undeclared volume {source}"


def test_dockerfile_references_files_that_exist():
    instructions = dockerfile_instructions()
    keywords = [keyword for keyword, _args in instructions]
    assert keywords[0] == "FROM" and "CMD" in keywords and "USER" in keywords
    for keyword, args in instructions:
        if keyword == "COPY":
            sources = [part for part in shlex.split(args) if not part.startswith("--")][:-1]
            for source in sources:
                assert (ROOT / source).exists(), f"COPY {source}: no such file"
        if keyword == "RUN" and "make " in args:
            for target in re.findall(r"make (\w[\w-]*)", args):
                assert re.search(rf"^{target}:", (ROOT / "Makefile").read_text(), re.M), f"make {target}"
    cmd = dict(instructions)["CMD"]
    command = yaml.safe_load(cmd)  # the JSON (exec) form
    assert command[0] == "gunicorn" and (ROOT / command[command.index("-c") + 1]).is_file()
    module = command[-1].replace(".", "/") + ".py"
    assert (ROOT / module).is_file(), module
    health = re.search(r"http://127\.0\.0\.1:8000(/[\w/-]*)", dict(instructions)["HEALTHCHECK"])[1]
    assert resolve(health).url_name == "health"
    assert dict(instructions)["EXPOSE"] == "8000"


def test_dockerignore_keeps_local_state_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for entry in (".venv", "media", "db.sqlite3", ".env", "staticfiles", "var"):
        assert entry in ignored, entry


def test_procfile_has_release_web_and_worker():
    processes = dict(
        line.split(":", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line and ":" in line
    )
    assert {"release", "web", "worker"} <= set(processes)
    release = processes["release"]
    for step in ("migrate", "collectstatic", "compile"):
        assert step in release, step
    assert "gunicorn -c gunicorn.conf.py collectif.wsgi" in processes["web"]
    assert processes["worker"].strip() == "python manage.py run_worker --queue-name default"
    assert processes["lrs"].strip() == "python manage.py run_worker --queue-name lrs"


def production_caches(**env):
    return production_setting("CACHES", **env)["default"]


def production_setting(name, **env):
    """A setting as production settings compute it from this environment (in a fresh interpreter)."""
    import json
    import os
    import subprocess
    import sys

    variables = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    variables.update(DJANGO_SECRET_KEY="test", DJANGO_ALLOWED_HOSTS="localhost", **env)
    code = f"import json; from collectif.settings import production as p; print(json.dumps(p.{name}))"
    output = subprocess.run([sys.executable, "-c", code], env=variables, cwd=ROOT, capture_output=True, text=True)
    return json.loads(output.stdout)


def test_production_mail_leaves_out_placeholder_addresses_then_uses_the_configured_backend():
    assert production_setting("EMAIL_BACKEND") == "core.mail.DeliverableOnlyBackend"
    assert production_setting("EMAIL_DELIVERY_BACKEND") == "django.core.mail.backends.smtp.EmailBackend"
    console = "django.core.mail.backends.console.EmailBackend"
    assert production_setting("EMAIL_DELIVERY_BACKEND", EMAIL_BACKEND=console) == console


def test_production_never_caches_in_each_process_memory():
    """Tokens dropped by one gunicorn worker must be seen by all: Redis, or else the database, never locmem."""
    assert production_caches()["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert production_caches(REDIS_URL="redis://127.0.0.1:6379/0")["BACKEND"] == "core.cache.ReusedClientRedisCache"
    processes = dict(line.split(":", 1) for line in (ROOT / "Procfile").read_text().splitlines() if ":" in line)
    assert processes["release"].index("migrate") < processes["release"].index("createcachetable")
