"""Check and unpack .h5p packages, as an H5P platform does before accepting one.

A package is a zip with `h5p.json`, `content/content.json` and one folder per library
(`Machine-major.minor/library.json`). Everything is checked on the archive's directory first (names,
sizes, compression ratio, symlinks, hidden and case-clashing names, extensions), then the files are unpacked
into a temporary directory, each checked for what it really contains (file_checks.py), their JSON read with
bounds (bounded_json.py), and the content validated against its libraries' semantics (semantics.py); these
checks never depend on the library store. Only a fully valid package is copied into storage (see store.py).
Every refusal is a PackageError carrying clear French messages that name the problem.
"""

import json
import re
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core import archives

from . import bounded_json, file_checks, semantics

# H5P core's default allowlist (H5PCore::$defaultContentWhitelist) and the extras allowed in libraries.
H5P_DEFAULT_WHITELIST = (
    "json png jpg jpeg gif bmp tif tiff svg eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav txt pdf rtf doc "
    "docx xls xlsx ppt pptx odt ods odp xml csv diff patch swf md textile vtt webvtt gltf glb"
)
CONTENT_EXTENSIONS = frozenset(H5P_DEFAULT_WHITELIST.split())
LIBRARY_EXTRA_EXTENSIONS = frozenset({"js", "css"})

MACHINE_NAME = re.compile(r"^[\w.-]{1,255}$")
LIBRARY_FOLDER = re.compile(r"^(?P<name>[\w.-]+)-(?P<major>\d+)\.(?P<minor>\d+)$")
LANGUAGE = re.compile(r"^[-a-zA-Z]{1,10}$")


# Every refusal carries French messages ready to show to the trainer.
PackageError = archives.ArchiveError


@dataclass
class LibraryInfo:
    machine_name: str
    major_version: int
    minor_version: int
    patch_version: int
    title: str
    runnable: bool
    dependencies: list = field(default_factory=list)
    path: Path | None = None  # folder in the unpacked package
    semantics: list | None = None  # parsed semantics.json (checked for size and depth like every JSON file)

    @property
    def folder_name(self):
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"

    @property
    def label(self):
        return f"{self.machine_name} {self.major_version}.{self.minor_version}"


@dataclass
class InspectedPackage:
    """A valid package unpacked in a temporary directory (deleted when the `inspect` block ends)."""

    root: Path
    h5p_json: dict
    main_library: LibraryInfo | None
    libraries: dict  # folder name -> LibraryInfo found in the package
    needed: list  # folder names of every library the content loads, in the package or in the store

    @property
    def title(self):
        return self.h5p_json["title"]

    @property
    def main_folder(self):
        dep = _main_dependency(self.h5p_json)
        return f"{dep['machineName']}-{int(dep['majorVersion'])}.{int(dep['minorVersion'])}"


def _limit(name):
    return int(getattr(settings, name))


def _extension(name):
    return archives.extension(name)


def _name_problem(name):
    return archives.name_problem(name)


def _extension_allowed(name, parts, extension):
    """Content files use H5P's allowlist; libraries may also carry their scripts and styles."""
    allowed = CONTENT_EXTENSIONS
    if len(parts) > 1 and parts[0] != "content":
        allowed = CONTENT_EXTENSIONS | LIBRARY_EXTRA_EXTENSIONS
    return extension in allowed


def _archive_rules():
    return archives.ArchiveRules(
        kind="H5P",
        max_entries=_limit("H5P_MAX_ENTRIES"),
        max_unpacked_size=_limit("H5P_MAX_UNPACKED_SIZE"),
        max_compression_ratio=_limit("H5P_MAX_COMPRESSION_RATIO"),
        extension_allowed=_extension_allowed,
    )


def check_archive(zf, archive_size):
    """Check the zip directory (before anything is unpacked). Returns the file entries to unpack."""
    return archives.check_archive(zf, archive_size, _archive_rules())


def _extract(zf, files, root):
    archives.extract(zf, files, root, _limit("H5P_MAX_UNPACKED_SIZE"))


def _read_json(path, label):
    if not path.is_file():
        raise PackageError(_("Le fichier %(file)s est absent du paquet.") % {"file": label})
    max_size = _limit("H5P_MAX_JSON_SIZE")
    if path.stat().st_size > max_size:
        raise PackageError(
            _("Le fichier %(file)s dépasse la taille autorisée de %(max)s.")
            % {"file": label, "max": filesizeformat(max_size)}
        )
    return parse_json(path.read_bytes(), label)


def parse_json(data, label):
    """JSON from bytes, bounded by H5P_MAX_JSON_DEPTH; refused with a French message (see bounded_json.py)."""
    try:
        return bounded_json.loads(data, label, _limit("H5P_MAX_JSON_DEPTH"))
    except bounded_json.JsonRefused as error:
        raise PackageError(str(error)) from error


def _version(value):
    """H5P writes versions as numbers, older exports as strings: accept both, refuse anything else."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    raise ValueError(value)


def _dependency_folders(dependencies, label):
    if dependencies is None:
        return []
    if not isinstance(dependencies, list):
        raise PackageError(_("%(file)s : la liste des dépendances n'est pas valide.") % {"file": label})
    folders = []
    for dep in dependencies:
        try:
            name = dep["machineName"]
            if not isinstance(name, str) or not MACHINE_NAME.match(name):
                raise ValueError(name)
            folders.append(f"{name}-{_version(dep['majorVersion'])}.{_version(dep['minorVersion'])}")
        except (KeyError, TypeError, ValueError) as error:
            raise PackageError(
                _("%(file)s : une dépendance n'a pas de nom machine ou de version valide (%(dep)s).")
                % {"file": label, "dep": json.dumps(dep)[:120]}
            ) from error
    return folders


def _main_dependency(h5p_json):
    for dep in h5p_json["preloadedDependencies"]:
        if dep.get("machineName") == h5p_json["mainLibrary"]:
            return dep
    return None


def check_h5p_json(data):
    """The fields the H5P specification makes mandatory in h5p.json."""
    if not isinstance(data, dict):
        raise PackageError(_("h5p.json doit contenir un objet JSON."))
    errors = []
    title = data.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > 255:
        errors.append(_("h5p.json : le titre (title) est absent ou invalide."))
    main = data.get("mainLibrary")
    if not isinstance(main, str) or not MACHINE_NAME.match(main):
        errors.append(_("h5p.json : la bibliothèque principale (mainLibrary) est absente ou invalide."))
    language = data.get("language")
    if not isinstance(language, str) or not LANGUAGE.match(language):
        errors.append(_("h5p.json : la langue (language) est absente ou invalide."))
    embed_types = data.get("embedTypes")
    if not isinstance(embed_types, list) or not embed_types or not set(embed_types) <= {"div", "iframe"}:
        errors.append(_("h5p.json : les modes d'intégration (embedTypes) doivent être « div » et/ou « iframe »."))
    dependencies = data.get("preloadedDependencies")
    if not isinstance(dependencies, list) or not dependencies:
        errors.append(_("h5p.json : la liste des bibliothèques (preloadedDependencies) est absente ou vide."))
    if errors:
        raise PackageError(errors)
    _dependency_folders(dependencies, "h5p.json")
    if _main_dependency(data) is None:
        raise PackageError(
            _("h5p.json : la bibliothèque principale %(name)s ne figure pas dans preloadedDependencies.")
            % {"name": main}
        )
    return data


def read_library(folder):
    """Read and check Machine-major.minor/library.json; its folder name must match its content."""
    label = f"{folder.name}/library.json"
    data = _read_json(folder / "library.json", label)
    if not isinstance(data, dict):
        raise PackageError(_("%(file)s doit contenir un objet JSON.") % {"file": label})
    try:
        name = data["machineName"]
        if not isinstance(name, str) or not MACHINE_NAME.match(name):
            raise ValueError(name)
        info = LibraryInfo(
            machine_name=name,
            major_version=_version(data["majorVersion"]),
            minor_version=_version(data["minorVersion"]),
            patch_version=_version(data["patchVersion"]),
            title=str(data.get("title") or name)[:255],
            runnable=bool(data.get("runnable")),
            path=folder,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise PackageError(
            _("%(file)s : le nom machine ou la version (majeure, mineure, correctif) est absent ou invalide.")
            % {"file": label}
        ) from error
    if info.folder_name != folder.name:
        raise PackageError(
            _("Le dossier %(folder)s contient la bibliothèque %(library)s : le nom du dossier doit être %(expected)s.")
            % {"folder": folder.name, "library": info.label, "expected": info.folder_name}
        )
    info.dependencies = _dependency_folders(data.get("preloadedDependencies"), label) + _dependency_folders(
        data.get("dynamicDependencies"), label
    )
    if (folder / "semantics.json").is_file():
        info.semantics = _read_json(folder / "semantics.json", f"{folder.name}/semantics.json")
    for kind in ("preloadedJs", "preloadedCss"):
        for item in data.get(kind) or []:
            path = item.get("path") if isinstance(item, dict) else None
            if not isinstance(path, str) or _name_problem(path) or not (folder / path).is_file():
                raise PackageError(
                    _("%(file)s : le fichier %(path)s annoncé est absent de la bibliothèque.")
                    % {"file": label, "path": path}
                )
    return info


def resolve_dependencies(h5p_json, package_libraries, store_libraries):
    """Folder names of every library the content loads, recursively; raise naming the missing ones.

    `store_libraries` maps folder names to objects with `patch_version` and `dependencies` (the store).
    The newer patch of a library present in both wins, as it will in the store after installation.
    """
    needed, missing = [], []
    queue = _dependency_folders(h5p_json["preloadedDependencies"], "h5p.json")
    while queue:
        folder = queue.pop(0)
        if folder in needed or folder in missing:
            continue
        library = _newest(folder, package_libraries, store_libraries)
        if library is None:
            missing.append(folder)
            continue
        needed.append(folder)
        queue.extend(library.dependencies)
    if missing:
        labels = ", ".join(sorted(_folder_label(folder) for folder in missing))
        raise PackageError(
            _(
                "Bibliothèques H5P manquantes : %(libraries)s. Elles ne sont ni dans le paquet ni déjà installées : "
                "déposez un paquet qui les contient (export H5P complet)."
            )
            % {"libraries": labels}
        )
    return needed


def _newest(folder, package_libraries, store_libraries):
    """The library a folder name stands for: the newer patch of the package's and the store's, or None."""
    candidates = [lib for lib in (package_libraries.get(folder), store_libraries.get(folder)) if lib]
    return max(candidates, key=lambda lib: lib.patch_version) if candidates else None


def _folder_label(folder):
    match = LIBRARY_FOLDER.match(folder)
    return f"{match['name']} {match['major']}.{match['minor']}" if match else folder


@contextmanager
def inspect(uploaded_file, store_libraries, read_stored_file=None):
    """Check a package and yield it unpacked in a temporary directory, removed afterwards in any case.

    `store_libraries` maps folder names to the stored libraries; `read_stored_file(library, path)` returns
    the bytes of one of their files (semantics.json), or raises FileNotFoundError. The content is validated
    against its libraries' semantics and the validated content.json and h5p.json replace the unpacked ones.
    """
    max_upload = _limit("H5P_MAX_UPLOAD_SIZE")
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > max_upload:
        raise PackageError(
            _("Le fichier fait %(size)s, au-delà de la limite de %(max)s.")
            % {"size": filesizeformat(size), "max": filesizeformat(max_upload)}
        )
    root = Path(tempfile.mkdtemp(prefix="h5p-"))
    try:
        uploaded_file.seek(0)
        try:
            zf = zipfile.ZipFile(uploaded_file)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
            raise PackageError(
                _("Ce fichier n'est pas une archive ZIP : un paquet H5P (.h5p) est un fichier ZIP exporté par H5P.")
            ) from error
        with zf:
            files = check_archive(zf, size or 0)
            try:
                _extract(zf, files, root)
            except (zipfile.BadZipFile, EOFError, NotImplementedError, OSError) as error:
                raise PackageError(
                    _("L'archive est endommagée et ne peut pas être décompressée (%(error)s).") % {"error": error}
                ) from error
        _check_file_contents(root, files)
        yield _inspect_tree(root, store_libraries, read_stored_file)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        uploaded_file.seek(0)


def _check_file_contents(root, files):
    errors = []
    for info in files:
        problem = file_checks.check_file(root / info.filename, info.filename, _extension(info.filename))
        if problem:
            errors.append(problem)
    if errors:
        raise PackageError(archives.summarise(errors))


def _inspect_tree(root, store_libraries, read_stored_file):
    h5p_json = check_h5p_json(_read_json(root / "h5p.json", "h5p.json"))
    content = _read_json(root / "content" / "content.json", "content/content.json")
    libraries = {}
    for folder in sorted(path for path in root.iterdir() if path.is_dir() and path.name != "content"):
        info = read_library(folder)
        libraries[info.folder_name] = info
    needed = resolve_dependencies(h5p_json, libraries, store_libraries)
    main_dep = _main_dependency(h5p_json)
    main_folder = f"{main_dep['machineName']}-{int(main_dep['majorVersion'])}.{int(main_dep['minorVersion'])}"
    loader = _semantics_loader(libraries, store_libraries, read_stored_file)
    try:
        content = semantics.validate_content(content, _folder_label(main_folder), loader)
        served_h5p_json = semantics.validate_h5p_json(h5p_json)
    except semantics.SemanticsError as error:
        raise PackageError(str(error)) from error
    _write_json(root / "content" / "content.json", content)
    _write_json(root / "h5p.json", served_h5p_json)
    return InspectedPackage(
        root=root, h5p_json=h5p_json, main_library=libraries.get(main_folder), libraries=libraries, needed=needed
    )


def _write_json(path, data):
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _semantics_loader(package_libraries, store_libraries, read_stored_file):
    """load("H5P.Image 1.1") -> the fields of that library's semantics.json (package or store), None if absent."""
    cache = {}

    def load(name):
        folder = name.replace(" ", "-", 1)
        if folder not in cache:
            cache[folder] = _load_semantics(folder, package_libraries, store_libraries, read_stored_file)
        return cache[folder]

    return load


def _load_semantics(folder, package_libraries, store_libraries, read_stored_file):
    if not LIBRARY_FOLDER.match(folder):
        return None
    library = _newest(folder, package_libraries, store_libraries)
    if library is None:
        return None
    label = f"{folder}/semantics.json"
    if library is package_libraries.get(folder):
        fields = library.semantics
    else:
        try:
            data = read_stored_file(library, "semantics.json") if read_stored_file else None
        except OSError:  # FileNotFoundError, or what an object storage raises for a missing key
            data = None
        if data is not None and len(data) > _limit("H5P_MAX_JSON_SIZE"):
            raise PackageError(_("Le fichier %(file)s dépasse la taille autorisée.") % {"file": label})
        fields = parse_json(data, label) if data is not None else None
    if fields is None:
        raise PackageError(
            _("La bibliothèque %(library)s n'a pas de fichier semantics.json : son contenu ne peut pas être vérifié.")
            % {"library": _folder_label(folder)}
        )
    if not isinstance(fields, list) or not all(isinstance(field, dict) for field in fields):
        raise PackageError(_("Le fichier %(file)s doit contenir une liste de champs.") % {"file": label})
    return fields
