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
    for name in ("web", "worker"):
        assert services[name]["depends_on"]["release"]["condition"] == "service_completed_successfully"
    assert services["worker"]["command"][:3] == ["python", "manage.py", "db_worker"]
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
    assert "db_worker" in processes["worker"]
