"""Check and unpack .h5p packages, as an H5P platform does before accepting one.

A package is a zip with `h5p.json`, `content/content.json` and one folder per library
(`Machine-major.minor/library.json`). Everything is checked on the archive's directory first (names,
sizes, compression ratio, symlinks, extensions), then the files are unpacked into a temporary
directory and their JSON is checked. Only a fully valid package is copied into storage (see store.py).
Every refusal is a PackageError carrying clear French messages that name the problem.
"""

import json
import re
import shutil
import stat
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

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
ODD_CHARACTERS = re.compile(r"[\x00-\x1f\x7f<>:\"|?*]")
DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
# Only entries bigger than this are judged on their own ratio: tiny files compress oddly without harm.
RATIO_MIN_SIZE = 1024 * 1024
MAX_LISTED_ERRORS = 10


class PackageError(Exception):
    """A refused package; `messages` are ready to show to the trainer."""

    def __init__(self, messages):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("; ".join(self.messages))


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
    suffix = PurePosixPath(name).suffix
    return suffix[1:].lower() if suffix else ""


def _is_skipped(parts):
    """Hidden files and macOS resource forks are never unpacked (H5P platforms ignore them too)."""
    return any(part.startswith(".") or part == "__MACOSX" for part in parts)


def _name_problem(name):
    """Why an entry name is unsafe, or None."""
    if name.startswith("/"):
        return _("« %(name)s » est un chemin absolu.") % {"name": name}
    if DRIVE_LETTER.match(name):
        return _("« %(name)s » désigne un lecteur (chemin absolu Windows).") % {"name": name}
    if "\\" in name:
        return _("« %(name)s » contient une barre oblique inversée (\\).") % {"name": name}
    if ODD_CHARACTERS.search(name):
        return _("« %(name)s » contient des caractères interdits dans un nom de fichier.") % {"name": name}
    parts = name.rstrip("/").split("/")
    if ".." in parts:
        return _("« %(name)s » tente de sortir du dossier du paquet (« .. »).") % {"name": name}
    if any(part in ("", ".") for part in parts):
        return _("« %(name)s » n'est pas un nom de fichier valide.") % {"name": name}
    if len(name) > 255:
        return _("« %(name)s » est un nom de fichier trop long.") % {"name": name[:60] + "…"}
    return None


def _is_symlink(info):
    mode = info.external_attr >> 16
    return stat.S_ISLNK(mode)


def check_archive(zf, archive_size):
    """Check the zip directory (before anything is unpacked). Returns the file entries to unpack."""
    infos = zf.infolist()
    max_entries = _limit("H5P_MAX_ENTRIES")
    if len(infos) > max_entries:
        raise PackageError(
            _("L'archive contient %(count)s entrées, au-delà de la limite de %(max)s : archive refusée.")
            % {"count": f"{len(infos):,}".replace(",", " "), "max": f"{max_entries:,}".replace(",", " ")}
        )
    errors, files, seen = [], [], set()
    total = 0
    max_ratio = _limit("H5P_MAX_COMPRESSION_RATIO")
    for info in infos:
        name = info.filename
        problem = _name_problem(name)
        if problem:
            errors.append(problem)
            continue
        if name in seen:
            errors.append(_("« %(name)s » apparaît deux fois dans l'archive.") % {"name": name})
            continue
        seen.add(name)
        if _is_symlink(info):
            errors.append(_("« %(name)s » est un lien symbolique : les liens sont refusés.") % {"name": name})
            continue
        if info.flag_bits & 0x1:
            errors.append(_("« %(name)s » est chiffré : les archives protégées sont refusées.") % {"name": name})
            continue
        if info.is_dir():
            continue
        parts = name.split("/")
        if _is_skipped(parts):
            continue
        total += info.file_size
        if info.file_size > RATIO_MIN_SIZE and info.file_size > max_ratio * max(info.compress_size, 1):
            errors.append(
                _(
                    "« %(name)s » est compressé de façon anormale (plus de %(ratio)s fois) : "
                    "archive refusée, c'est peut-être une bombe ZIP."
                )
                % {"name": name, "ratio": max_ratio}
            )
            continue
        extension = _extension(name)
        allowed = CONTENT_EXTENSIONS
        if len(parts) > 1 and parts[0] != "content":
            allowed = CONTENT_EXTENSIONS | LIBRARY_EXTRA_EXTENSIONS
        if extension not in allowed:
            if extension:
                message = _("« %(name)s » : les fichiers .%(ext)s ne sont pas autorisés dans un paquet H5P.")
            else:
                message = _("« %(name)s » : les fichiers sans extension ne sont pas autorisés dans un paquet H5P.")
            errors.append(message % {"name": name, "ext": extension})
            continue
        files.append(info)
    max_total = _limit("H5P_MAX_UNPACKED_SIZE")
    if total > max_total:
        errors.append(
            _("Une fois décompressé, le paquet ferait %(size)s, au-delà de la limite de %(max)s.")
            % {"size": filesizeformat(total), "max": filesizeformat(max_total)}
        )
    elif total > RATIO_MIN_SIZE and total > max_ratio * max(archive_size, 1):
        errors.append(
            _("L'archive est compressée de façon anormale (plus de %(ratio)s fois) : c'est peut-être une bombe ZIP.")
            % {"ratio": max_ratio}
        )
    if errors:
        raise PackageError(_summarise(errors))
    return files


def _summarise(errors):
    if len(errors) <= MAX_LISTED_ERRORS:
        return errors
    more = len(errors) - MAX_LISTED_ERRORS
    return errors[:MAX_LISTED_ERRORS] + [_("… et %(count)s autres problèmes.") % {"count": more}]


def _extract(zf, files, root):
    """Unpack the checked entries, counting real bytes so a lying header cannot exceed the limit."""
    budget = _limit("H5P_MAX_UNPACKED_SIZE")
    resolved_root = root.resolve()
    for info in files:
        target = (root / info.filename).resolve()
        if not target.is_relative_to(resolved_root):
            raise PackageError(_("« %(name)s » tente de sortir du dossier du paquet.") % {"name": info.filename})
        target.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(info) as source, open(target, "wb") as dest:
            while chunk := source.read(1024 * 1024):
                budget -= len(chunk)
                if budget < 0:
                    raise PackageError(_("Le paquet décompressé dépasse la taille autorisée."))
                dest.write(chunk)


def _read_json(path, label):
    if not path.is_file():
        raise PackageError(_("Le fichier %(file)s est absent du paquet.") % {"file": label})
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise PackageError(
            _("Le fichier %(file)s n'est pas un JSON valide (%(error)s).") % {"file": label, "error": error}
        ) from error


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
        candidates = [lib for lib in (package_libraries.get(folder), store_libraries.get(folder)) if lib]
        if not candidates:
            missing.append(folder)
            continue
        library = max(candidates, key=lambda lib: lib.patch_version)
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


def _folder_label(folder):
    match = LIBRARY_FOLDER.match(folder)
    return f"{match['name']} {match['major']}.{match['minor']}" if match else folder


@contextmanager
def inspect(uploaded_file, store_libraries):
    """Check a package and yield it unpacked in a temporary directory, removed afterwards in any case."""
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
        yield _inspect_tree(root, store_libraries)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        uploaded_file.seek(0)


def _inspect_tree(root, store_libraries):
    h5p_json = check_h5p_json(_read_json(root / "h5p.json", "h5p.json"))
    _read_json(root / "content" / "content.json", "content/content.json")
    libraries = {}
    for folder in sorted(path for path in root.iterdir() if path.is_dir() and path.name != "content"):
        info = read_library(folder)
        libraries[info.folder_name] = info
    needed = resolve_dependencies(h5p_json, libraries, store_libraries)
    main_dep = _main_dependency(h5p_json)
    main_folder = f"{main_dep['machineName']}-{int(main_dep['majorVersion'])}.{int(main_dep['minorVersion'])}"
    return InspectedPackage(
        root=root, h5p_json=h5p_json, main_library=libraries.get(main_folder), libraries=libraries, needed=needed
    )
