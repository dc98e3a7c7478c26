"""Install checked packages into storage: content per activity, libraries in the shared store.

Everything goes through Django's storage API (default_storage) so S3-compatible storage works too.
Every new file goes to a fresh path; the database then points at it in one transaction. If anything
fails, the files written so far are deleted and the rows roll back: nothing partial is left behind.
Replaced files (an older patch of a library, the previous content of an activity) are deleted only
after the transaction commits. A package replacing a live activity is only staged (see versions.py), and
a library played in a published lesson is never upgraded in place without approval.
"""

import logging
import os
import shutil
import uuid
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from . import packages
from .models import H5PActivity, H5PLibrary

logger = logging.getLogger(__name__)

ROOT = "h5p"
CONTAINERS = ("content", "libraries", "packages", "pending")


def store_libraries():
    """The library store as {folder name: H5PLibrary}."""
    return {library.folder_name: library for library in H5PLibrary.objects.all()}


def read_library_bytes(library, path):
    """The bytes of one file of a stored library (raises FileNotFoundError when it has none)."""
    with open_library_file(library, path) as handle:
        return handle.read()


def inspect_package(uploaded_file):
    """The one entry point that checks a whole package against the store (archive, files, JSON, semantics).

    A context manager yielding packages.InspectedPackage, unpacked with its content.json and h5p.json already
    replaced by their validated versions; raises packages.PackageError with French messages.
    """
    return packages.inspect(uploaded_file, store_libraries(), read_library_bytes)


def validate_package(uploaded_file):
    """Check a package without keeping anything. Returns a short summary; raises PackageError."""
    with inspect_package(uploaded_file) as package:
        return {
            "title": package.title,
            "main_library": package.main_folder,
            "libraries": package.needed,
            "upgrades": sorted(_upgrades(package, store_libraries())),
        }


def _upgrades(package, store):
    """Folder names of the package's libraries that are newer patches of stored ones."""
    return {
        folder
        for folder, info in package.libraries.items()
        if folder in store and store[folder].patch_version < info.patch_version
    }


def install_package(activity, uploaded_file, user=None, hold_upgrades=None, keep_replaced=False):
    """Check the package, store its libraries and content, and save the activity with what h5p.json says.

    Libraries in `hold_upgrades` (folder names) keep their stored patch; by default these are the
    libraries played in published lessons, whose upgrade needs approval (versions.py).
    Raises packages.PackageError (and leaves storage and database untouched) when the package is refused.
    With keep_replaced, the replaced content and library files stay in storage (an approved version keeps them
    for its rollback, versions.py); otherwise they are deleted once the transaction commits.
    """
    if hold_upgrades is None:
        from .versions import library_folders_in_live_use

        hold_upgrades = library_folders_in_live_use()
    written = []
    try:
        with inspect_package(uploaded_file) as package, transaction.atomic():
            replaced = _install_libraries(package, written, hold_upgrades)
            content_path = f"{ROOT}/content/{uuid.uuid4().hex}"
            _copy_file(package.root / "h5p.json", f"{content_path}/h5p.json", written)
            _copy_tree(package.root / "content", f"{content_path}/content", written)
            uploaded_file.seek(0)
            package_name = default_storage.save(f"{ROOT}/packages/{uuid.uuid4().hex}.h5p", File(uploaded_file))
            written.append(package_name)
            if activity.pk:
                previous = H5PActivity.objects.filter(pk=activity.pk).values("content_path", "package").first()
                if previous:
                    replaced.append(previous["content_path"])
                    replaced.append(previous["package"])
            main = package.h5p_json["mainLibrary"]
            main_folder = package.main_folder
            activity.package = package_name
            activity.content_path = content_path
            activity.content_title = package.title[:255]
            activity.title = (activity.title or package.title)[:255]
            activity.main_library = main
            activity.main_library_version = main_folder.rsplit("-", 1)[1]
            activity.h5p_json = package.h5p_json
            if user is not None and user.is_authenticated and not activity.uploaded_by_id:
                activity.uploaded_by = user
            activity.save()
            libraries = H5PLibrary.objects.filter(pk__in=[lib.pk for lib in _store_for(package.needed)])
            activity.libraries.set(libraries)
            if not keep_replaced:
                transaction.on_commit(lambda: [delete_tree(path) for path in replaced if path])
    except BaseException:
        for path in written:
            _delete_quietly(path)
        _prune_empty_dirs()
        raise
    return activity


def _store_for(folders):
    store = store_libraries()
    return [store[folder] for folder in folders if folder in store]


def _install_libraries(package, written, hold_upgrades=frozenset()):
    """Add the package's libraries to the store; a newer patch replaces the stored one for everybody,
    except for the held libraries (played in published lessons: their upgrade waits for approval)."""
    replaced = []
    for folder, info in package.libraries.items():
        existing = (
            H5PLibrary.objects.select_for_update()
            .filter(machine_name=info.machine_name, major_version=info.major_version, minor_version=info.minor_version)
            .first()
        )
        if existing and (existing.patch_version >= info.patch_version or folder in hold_upgrades):
            continue
        path = f"{ROOT}/libraries/{folder}.{info.patch_version}-{uuid.uuid4().hex[:8]}"
        _copy_tree(info.path, path, written)
        fields = {
            "patch_version": info.patch_version,
            "title": info.title,
            "runnable": info.runnable,
            "dependencies": info.dependencies,
            "storage_path": path,
        }
        if existing:
            replaced.append(existing.storage_path)
            for name, value in fields.items():
                setattr(existing, name, value)
            existing.save()
        else:
            H5PLibrary.objects.create(
                machine_name=info.machine_name,
                major_version=info.major_version,
                minor_version=info.minor_version,
                **fields,
            )
    return replaced


def _copy_file(source, name, written):
    with open(source, "rb") as handle:
        _copy_file_object(handle, name, written)


def _copy_tree(source, prefix, written):
    for directory, _dirs, files in os.walk(source):
        for filename in files:
            path = Path(directory) / filename
            relative = path.relative_to(source).as_posix()
            _copy_file(path, f"{prefix}/{relative}", written)


def _delete_quietly(name):
    try:
        default_storage.delete(name)
    except Exception:  # noqa: BLE001 - cleanup must go on whatever the storage says
        logger.exception("Could not delete %s from storage", name)


def delete_tree(prefix):
    """Delete every file under a storage prefix (works with listdir-capable storages, S3 included)."""
    if not prefix:
        return
    try:
        directories, files = default_storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        if default_storage.exists(prefix):
            _delete_quietly(prefix)
        return
    for name in files:
        _delete_quietly(f"{prefix}/{name}")
    for directory in directories:
        delete_tree(f"{prefix}/{directory}")
    _prune_empty_dirs(prefix)


def _prune_empty_dirs(prefix=ROOT):
    """On a filesystem storage, remove the empty folders a deletion leaves (object storages have none)."""
    try:
        base = Path(default_storage.path(prefix))
    except NotImplementedError:
        return
    if not base.is_dir():
        return
    root = Path(default_storage.path(ROOT))
    # The container folders stay: a concurrent upload may be writing into them.
    containers = {root} | {root / name for name in CONTAINERS}
    for directory, _dirs, _files in sorted(os.walk(base), key=lambda entry: -len(entry[0])):
        if Path(directory) not in containers and not os.listdir(directory):
            shutil.rmtree(directory, ignore_errors=True)


def delete_activity_files(activity):
    """Remove an activity's content and package (its libraries stay: they are shared)."""
    delete_tree(activity.content_path)
    if activity.package:
        _delete_quietly(activity.package.name)


def open_library_file(library, path):
    return default_storage.open(f"{library.storage_path}/{path}", "rb")


def open_content_file(activity, path):
    return default_storage.open(f"{activity.content_path}/{path}", "rb")


def stage_package(uploaded_file):
    """Check a package and keep it aside for review, without touching the store or any activity.

    Its file and unpacked content (h5p.json, content/) go under their own path in h5p/pending/; the
    libraries it brings are only described. Returns the fields of an H5PPackageVersion.
    Raises packages.PackageError (and leaves storage untouched) when the package is refused.
    """
    written = []
    try:
        store = store_libraries()
        with inspect_package(uploaded_file) as package:
            pending_path = f"{ROOT}/pending/{uuid.uuid4().hex}"
            content_path = f"{pending_path}/unpacked"
            _copy_file(package.root / "h5p.json", f"{content_path}/h5p.json", written)
            _copy_tree(package.root / "content", f"{content_path}/content", written)
            uploaded_file.seek(0)
            package_name = f"{pending_path}/package.h5p"
            _copy_file_object(uploaded_file, package_name, written)
            return {
                "package": package_name,
                "content_path": content_path,
                "h5p_json": package.h5p_json,
                "content_title": package.title[:255],
                "main_library": package.h5p_json["mainLibrary"],
                "main_library_version": package.main_folder.rsplit("-", 1)[1],
                "libraries": [_library_summary(info, store.get(folder)) for folder, info in package.libraries.items()],
                "needed": package.needed,
            }
    except BaseException:
        for path in written:
            _delete_quietly(path)
        _prune_empty_dirs()
        raise


def _library_summary(info, stored):
    return {
        "folder": info.folder_name,
        "machine_name": info.machine_name,
        "title": info.title,
        "version": f"{info.major_version}.{info.minor_version}.{info.patch_version}",
        "stored_version": stored.version if stored else "",
        "upgrade": bool(stored and stored.patch_version < info.patch_version),
        "new": stored is None,
    }


def _copy_file_object(handle, name, written):
    saved = default_storage.save(name, File(handle))
    written.append(saved)
    if saved != name:
        raise OSError(_("Le stockage a renommé %(name)s : installation interrompue.") % {"name": name})


def delete_pending_files(version):
    """Remove a pending version's unpacked content and package (its folder in h5p/pending/)."""
    for name in (version.content_path, version.package.name if version.package else ""):
        parts = name.split("/")
        # Only ever h5p/pending/<folder>: a version never owns live content or the store.
        if len(parts) > 3 and parts[:2] == [ROOT, "pending"] and parts[2]:
            delete_tree("/".join(parts[:3]))


def open_pending_file(version, path):
    return default_storage.open(f"{version.content_path}/{path}", "rb")
