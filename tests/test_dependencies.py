"""Every third-party import is declared in pyproject.toml (runtime code in dependencies, tests and tools in the
dev extra), and both lockfiles pin what pyproject.toml asks for."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_ONLY_FOLDERS = {"tests", "bench", "scripts"}
SKIPPED_FOLDERS = {".venv", "var", "node_modules", "static", "media"}


def project_modules():
    return {path.name for path in ROOT.iterdir() if (path / "__init__.py").exists() or path.suffix == ".py"} | {
        path.stem for path in ROOT.glob("*.py")
    }


def imports_by_folder():
    """{top folder: {top-level module imported}} over the project's Python files."""
    found = {}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in SKIPPED_FOLDERS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = found.setdefault(relative.parts[0] if len(relative.parts) > 1 else ".", set())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return found


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_names(requirements):
    return {normalise(re.split(r"[\s\[<>=~!;]", requirement, maxsplit=1)[0]) for requirement in requirements}


def declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = requirement_names(project["dependencies"])
    return runtime, runtime | requirement_names(project["optional-dependencies"]["dev"])


def distributions_of(module):
    return {normalise(name) for name in packages_distributions().get(module, [])}


def undeclared(modules, allowed):
    local = project_modules()
    missing = set()
    for module in modules - local - set(sys.stdlib_module_names) - {"__future__"}:
        distributions = distributions_of(module)
        if not distributions & allowed:
            missing.add(f"{module} ({', '.join(sorted(distributions)) or 'not installed'})")
    return missing


def test_every_import_is_declared():
    runtime, everything = declared()
    missing = set()
    for folder, modules in imports_by_folder().items():
        missing |= undeclared(modules, everything if folder in DEV_ONLY_FOLDERS else runtime)
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"


def locked(lockfile):
    return {normalise(line.split("==")[0]) for line in (ROOT / lockfile).read_text().splitlines() if "==" in line}


def test_lockfiles_pin_every_declared_dependency():
    runtime, everything = declared()
    assert runtime <= locked("requirements.lock"), runtime - locked("requirements.lock")
    assert everything <= locked("requirements-dev.lock"), everything - locked("requirements-dev.lock")
