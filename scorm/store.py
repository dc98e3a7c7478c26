"""Where unpacked SCORM packages live: Django's default storage (filesystem or S3) under scorm/content/.

Each upload gets a folder of its own, so replacing a package never mixes old and new files; the old
folder is deleted once the new one is in place.
"""

import logging
import os
import uuid
from pathlib import Path

from django.core.files.storage import default_storage

from . import packages

logger = logging.getLogger(__name__)
ROOT = "scorm/content"


def install(package, uploaded_file, user=None):
    """Check, unpack and store a package, then point the ScormPackage at it (saved)."""
    previous = package.storage_path
    with packages.inspect(uploaded_file) as inspected:
        prefix = f"{ROOT}/{uuid.uuid4().hex}"
        _copy_tree(inspected.root, prefix)
        package.version = inspected.version
        package.manifest_title = inspected.title
        package.launch_path = inspected.launch_path
    package.storage_path = prefix
    if user is not None and getattr(user, "is_authenticated", False):
        package.uploaded_by = user
    package.save()
    if previous and previous != prefix:
        delete_tree(previous)
    return package


def _copy_tree(source, prefix):
    written = []
    try:
        for directory, _dirs, files in os.walk(source):
            for filename in files:
                path = Path(directory) / filename
                name = f"{prefix}/{path.relative_to(source).as_posix()}"
                with open(path, "rb") as handle:
                    default_storage.save(name, handle)
                written.append(name)
    except Exception:
        for name in written:
            _delete_quietly(name)
        raise


def open_file(package, path):
    """A file of the package (path already checked by the caller)."""
    return default_storage.open(f"{package.storage_path}/{path}", "rb")


def _delete_quietly(name):
    try:
        default_storage.delete(name)
    except Exception:  # noqa: BLE001 - cleanup must go on whatever the storage says
        logger.exception("Could not delete %s from storage", name)


def delete_tree(prefix):
    """Delete every file under a storage prefix (listdir-capable storages, S3 included)."""
    if not prefix:
        return
    try:
        directories, files = default_storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        _delete_quietly(f"{prefix}/{name}")
    for directory in directories:
        delete_tree(f"{prefix}/{directory}")
