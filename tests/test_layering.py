"""Layering you can see from the folder names: an app imports only from the layers below its own.

The table below is the one place the layers are written down (docs/architecture.md explains them). The walk reads
the source of each project app, migrations left out (they follow the migration graph, not the import graph), and
finds every import and every `get_model("app", ...)` lookup, at module level or inside a function. A violation
names the file, the line and what it reaches.
"""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

# Bottom to top. An app may import from any lower layer, never from its own layer or one above.
LAYERS = (
    ("core",),  # shared bricks: registries, sanitising helpers, caching, scope rules
    ("accounts",),
    ("progress", "statements"),  # what learners did; the record store activities report to
    ("cases", "quizzes", "h5p", "scorm", "reflections"),  # activities
    ("courses",),  # lessons embed activity blocks
    ("teams",),  # teams read progress of the courses they follow
    ("teamjournal", "debrief"),  # built on teams
    ("home", "lti"),  # site pages and « Mon espace », assembled from core's registries
    ("devtools",),  # dev only: bench and scale checks may import anything
)
LAYER_OF = {app: level for level, names in enumerate(LAYERS) for app in names}

# Known exceptions, (file, app it reaches): why. Keep this list short; each entry is a debt with its reason.
EXCEPTIONS = {
    # Roles (accounts/permissions.py) import no project app: they belong in core. Moving them waits until the
    # accounts rework in progress lands, to avoid a conflicting rename.
    ("core/scope.py", "accounts"): "roles live in accounts/permissions.py until they move down to core",
    ("core/myspace.py", "accounts"): "roles live in accounts/permissions.py until they move down to core",
    ("core/request_limits.py", "accounts"): "roles live in accounts/permissions.py until they move down to core",
    ("core/wagtail_hooks.py", "accounts"): "roles live in accounts/permissions.py until they move down to core",
    # The trainer-scope rules are being rewritten; they should receive the lesson index and memberships through a
    # registry filled by progress and teams instead of looking the models up.
    ("core/scope.py", "progress"): "scope rules look up the lesson index until they are rewritten",
    ("core/scope.py", "teams"): "scope rules look up team memberships until they are rewritten",
    ("core/scope.py", "courses"): "scope rules look up course trainers until a registry filled by courses inverts it",
}

# Modules that take a historical app registry and run inside migrations: their get_model calls are ordered by
# migration dependencies, like the migrations themselves. Their imports are still checked.
REGISTRY_MODULES = ("bootstrap.py",)
# Top-level folders without Python code of ours.
NOT_CODE = ("static", "locale", "docs", "templates", "node_modules")


def project_apps():
    base = Path(settings.BASE_DIR).resolve()
    return {
        config.label: Path(config.path)
        for config in apps.get_app_configs()
        # Installed packages may live under the project folder too (.venv/): they are not ours.
        if Path(config.path).resolve().is_relative_to(base) and "site-packages" not in Path(config.path).parts
    }


def source_files(app_path):
    for path in sorted(app_path.rglob("*.py")):
        if "migrations" not in path.relative_to(app_path).parts:
            yield path


def reached_apps(tree, file_name, known):
    """(line, app, how) for every project app an import or a get_model call names."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0], f"import {alias.name}"
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0], f"from {node.module} import ..."
        elif isinstance(node, ast.Call) and file_name not in REGISTRY_MODULES:
            label = get_model_label(node)
            if label in known:
                yield node.lineno, label, f"get_model({label!r}, ...)"


def get_model_label(call):
    name = getattr(call.func, "attr", None) or getattr(call.func, "id", None)
    if name != "get_model" or not call.args:
        return None
    first = call.args[0]
    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
        return None
    return first.value.split(".")[0]


def violations():
    base = Path(settings.BASE_DIR).resolve()
    found, excused = [], set()
    app_paths = project_apps()
    for app, app_path in app_paths.items():
        for path in source_files(app_path):
            relative = path.resolve().relative_to(base).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
            for line, target, how in reached_apps(tree, path.name, app_paths):
                if target == app or target not in app_paths:
                    continue
                if LAYER_OF[target] < LAYER_OF[app]:
                    continue
                if (relative, target) in EXCEPTIONS:
                    excused.add((relative, target))
                    continue
                found.append(
                    f"{relative}:{line} {how} — {app} (layer {LAYER_OF[app]}) reaches {target} "
                    f"(layer {LAYER_OF[target]})"
                )
    return found, excused


def test_every_project_app_has_a_layer():
    assert sorted(set(project_apps()) - set(LAYER_OF)) == []


def test_no_app_imports_one_above_it():
    found, _ = violations()
    assert found == [], "Imports that reach up a layer:\n" + "\n".join(found)


def test_every_exception_is_still_needed():
    """An exception nobody needs any more is removed, so the list only ever shrinks."""
    _, excused = violations()
    assert sorted(set(EXCEPTIONS) - excused) == []


def test_nothing_imports_a_migration_module():
    base = Path(settings.BASE_DIR).resolve()
    roots = [path for path in base.iterdir() if path.is_dir() and path.name not in NOT_CODE and path.name[0] != "."]
    found = []
    for root in roots:
        for path in root.rglob("*.py"):
            if "migrations" in path.relative_to(base).parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if names_a_migration_module(node):
                    found.append(f"{path.relative_to(base).as_posix()}:{node.lineno}")
    assert found == [], "Code outside migrations importing a migration module:\n" + "\n".join(found)


def names_a_migration_module(node):
    if isinstance(node, ast.Import):
        return any(".migrations" in alias.name for alias in node.names)
    if isinstance(node, ast.ImportFrom):
        return ".migrations" in (node.module or "") or (node.module or "").endswith("migrations")
    if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module":
        first = node.args[0] if node.args else None
        return isinstance(first, ast.Constant) and ".migrations" in str(first.value)
    return False
