import json
import os

import pytest

from tests.h5p_kit import build_zip, package_entries


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test gets its own storage so 'nothing left in storage' can be checked exactly."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


CONTAINERS = {"h5p", "h5p/content", "h5p/libraries", "h5p/packages", "h5p/pending"}


def stored_files(media_root):
    """Every file and every empty folder (except the permanent containers) under the storage root."""
    found = set()
    for directory, dirs, files in os.walk(media_root):
        for name in files:
            found.add(os.path.relpath(os.path.join(directory, name), media_root))
        relative = os.path.relpath(directory, media_root)
        if not dirs and not files and directory != str(media_root) and relative not in CONTAINERS:
            found.add(relative + "/")
    return found


def kit_entries(**options):
    """{entry name: bytes} of a test-kit package (see tests/h5p_kit.py), built in memory."""
    return package_entries(**options)


__all__ = ["build_zip", "content_only", "kit_entries", "stored_files", "with_library_patch"]


def content_only(entries):
    """Keep h5p.json and content/: what an export without libraries contains."""
    return {name: data for name, data in entries.items() if name == "h5p.json" or name.startswith("content/")}


def with_library_patch(entries, folder, patch):
    """Return entries where the library in `folder` claims another patch version."""
    changed = dict(entries)
    library = json.loads(changed[f"{folder}/library.json"])
    library["patchVersion"] = patch
    changed[f"{folder}/library.json"] = json.dumps(library).encode()
    return changed
