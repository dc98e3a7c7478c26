import io
import json
import os
import zipfile

import pytest

from tests.factories import h5p_fixture_path


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test gets its own storage so 'nothing left in storage' can be checked exactly."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


CONTAINERS = {"h5p", "h5p/content", "h5p/libraries", "h5p/packages"}


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


def fixture_entries(name):
    """{entry name: bytes} of a real package (directories left out)."""
    with zipfile.ZipFile(h5p_fixture_path(name)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


def build_zip(entries, symlinks=(), compression=zipfile.ZIP_DEFLATED):
    """A zip from {name: bytes}; names in `symlinks` get the Unix symlink mode."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = compression
            if name in symlinks:
                info.create_system = 3
                info.external_attr = (0o120777 << 16) | 0
            zf.writestr(info, data)
    return buffer.getvalue()


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
