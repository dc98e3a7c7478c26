"""Upload and validation of .h5p packages (built by the test kit): the library store, hostile archives."""

import json
import zipfile

import pytest
from django.core.files.storage import default_storage

from h5p.models import H5PActivity, H5PLibrary
from h5p.packages import PackageError
from tests.factories import make_h5p_activity
from tests.h5p_kit import EDITOR, MAIN, MAIN_FOLDER, STYLE

from .conftest import build_zip, content_only, kit_entries, stored_files, with_library_patch

pytestmark = pytest.mark.django_db


def test_kit_package_installs(trainer, media_root):
    activity = make_h5p_activity(user=trainer)
    assert activity.main_library == MAIN
    assert activity.main_library_version == "1.0"
    assert activity.content_title == "Question Collectif"
    assert activity.title == "Question Collectif"
    assert activity.uploaded_by == trainer
    assert default_storage.exists(f"{activity.content_path}/h5p.json")
    assert default_storage.exists(f"{activity.content_path}/content/content.json")
    assert default_storage.exists(activity.package.name)
    main = H5PLibrary.objects.get(machine_name=MAIN)
    assert set(activity.libraries.values_list("machine_name", flat=True)) == {MAIN, STYLE}
    assert default_storage.exists(f"{main.storage_path}/library.json")
    assert default_storage.exists(f"{main.storage_path}/semantics.json")
    # Editor-only libraries are stored but are not loaded by the player.
    assert H5PLibrary.objects.filter(machine_name=EDITOR).exists()
    assert not activity.libraries.filter(machine_name__startswith="H5PEditor.").exists()


def test_libraries_are_shared_between_activities(media_root):
    first = make_h5p_activity()
    second = make_h5p_activity(data=build_zip(kit_entries(title="Deuxième question")))
    style = H5PLibrary.objects.get(machine_name=STYLE)
    assert set(style.activities.all()) == {first, second}
    assert H5PLibrary.objects.filter(machine_name=STYLE).count() == 1
    library_folders = {path.split("/")[2] for path in stored_files(media_root) if path.startswith("h5p/libraries/")}
    assert len([f for f in library_folders if f.startswith(f"{STYLE}-1.0.")]) == 1


def test_content_only_package_is_accepted_when_the_store_has_its_libraries(media_root):
    make_h5p_activity()
    data = build_zip(kit_entries(with_libraries=False, title="Contenu seul"))
    activity = make_h5p_activity("contenu-seul", data=data)
    assert activity.main_library == MAIN
    assert activity.title == "Contenu seul"
    assert set(activity.libraries.values_list("machine_name", flat=True)) == {MAIN, STYLE}


def test_content_only_package_names_missing_libraries(media_root):
    data = build_zip(content_only(kit_entries()))
    with pytest.raises(PackageError) as refused:
        make_h5p_activity("contenu-seul", data=data)
    message = " ".join(refused.value.messages)
    assert "Bibliothèques H5P manquantes" in message
    for library in (f"{MAIN} 1.0", f"{STYLE} 1.0"):
        assert library in message
    assert not H5PActivity.objects.exists()
    assert stored_files(media_root) == set()


def test_newer_patch_replaces_the_stored_library_for_everybody(media_root, django_capture_on_commit_callbacks):
    entries = kit_entries()
    first = make_h5p_activity("vrai-faux", data=build_zip(entries))
    stored = H5PLibrary.objects.get(machine_name=MAIN)
    old_path, old_patch = stored.storage_path, stored.patch_version

    newer = with_library_patch(entries, MAIN_FOLDER, old_patch + 1)
    with django_capture_on_commit_callbacks(execute=True):
        second = make_h5p_activity("vrai-faux-2", data=build_zip(newer))

    stored.refresh_from_db()
    assert stored.patch_version == old_patch + 1
    assert stored.storage_path != old_path
    assert H5PLibrary.objects.filter(machine_name=MAIN).count() == 1
    assert set(stored.activities.all()) == {first, second}
    assert not default_storage.exists(f"{old_path}/library.json")
    assert default_storage.exists(f"{stored.storage_path}/library.json")

    # An older patch arriving later does not downgrade the store.
    make_h5p_activity("vrai-faux-3", data=build_zip(with_library_patch(entries, MAIN_FOLDER, 0)))
    stored.refresh_from_db()
    assert stored.patch_version == old_patch + 1


def test_replacing_the_package_of_an_activity_removes_the_old_content(media_root, django_capture_on_commit_callbacks):
    activity = make_h5p_activity()
    old_content, old_package = activity.content_path, activity.package.name
    from django.core.files.uploadedfile import SimpleUploadedFile

    from h5p.store import install_package

    upload = SimpleUploadedFile("autre.h5p", build_zip(kit_entries(title="Autre question")))
    with django_capture_on_commit_callbacks(execute=True):
        install_package(activity, upload)
    activity.refresh_from_db()
    assert activity.content_title == "Autre question"
    assert activity.title == "Question Collectif"  # the title the activity had is kept
    assert not default_storage.exists(f"{old_content}/h5p.json")
    assert not default_storage.exists(old_package)


def test_deleting_an_activity_removes_its_files_but_keeps_libraries(media_root, django_capture_on_commit_callbacks):
    activity = make_h5p_activity()
    content = activity.content_path
    with django_capture_on_commit_callbacks(execute=True):
        activity.delete()
    assert not default_storage.exists(f"{content}/h5p.json")
    assert H5PLibrary.objects.filter(machine_name=MAIN).exists()
    assert {path for path in stored_files(media_root) if not path.startswith("h5p/libraries/")} == set()


def _hostile(name, entries=None, **kwargs):
    entries = dict(kit_entries() if entries is None else entries)
    return build_zip(entries, **kwargs)


def _bomb():
    entries = kit_entries()
    entries["content/images/vide.txt"] = b"\0" * (30 * 1024 * 1024)
    return build_zip(entries)


def _many_entries():
    buffer_entries = {f"content/f{i}.txt": b"" for i in range(20_000)}
    return build_zip(buffer_entries, compression=zipfile.ZIP_STORED)


def _without(name):
    entries = kit_entries()
    entries.pop(name)
    return build_zip(entries)


def _h5p_json(data):
    entries = kit_entries()
    entries["h5p.json"] = data if isinstance(data, bytes) else json.dumps(data).encode()
    return build_zip(entries)


def _extra(name, data=b"x"):
    entries = kit_entries()
    entries[name] = data
    return build_zip(entries)


def _valid_h5p_json():
    return json.loads(kit_entries()["h5p.json"])


def _h5p_json_without(key):
    return _h5p_json({k: v for k, v in _valid_h5p_json().items() if k != key})


def _symlink():
    entries = {**kit_entries(), "content/lien.json": b"/etc/passwd"}
    return build_zip(entries, symlinks={"content/lien.json"})


# (case, builder of the archive, words the refusal must contain); archives are built only when run.
HOSTILE = [
    ("not-a-zip", lambda: b"%PDF-1.4 ceci n'est pas une archive", "n'est pas une archive ZIP"),
    ("traversal", lambda: _extra("content/../../evil.json"), "sortir du dossier du paquet"),
    ("absolute", lambda: _extra("/etc/cron.d/evil.json"), "chemin absolu"),
    ("drive-letter", lambda: _extra("C:/Windows/evil.json"), "lecteur"),
    ("backslash", lambda: _extra("content\\..\\evil.json"), "barre oblique inversée"),
    ("control-char", lambda: _extra("content/evil\x07.json"), "caractères interdits"),
    ("symlink", _symlink, "lien symbolique"),
    ("zip-bomb", _bomb, "bombe ZIP"),
    ("20000-entries", _many_entries, "20 000 entrées"),
    ("no-h5p-json", lambda: _without("h5p.json"), "h5p.json est absent"),
    ("invalid-h5p-json", lambda: _h5p_json(b"{pas du json"), "h5p.json n'est pas un JSON valide"),
    ("h5p-json-without-title", lambda: _h5p_json_without("title"), "titre (title)"),
    ("h5p-json-without-main-library", lambda: _h5p_json_without("mainLibrary"), "mainLibrary"),
    (
        "h5p-json-without-dependencies",
        lambda: _h5p_json({**_valid_h5p_json(), "preloadedDependencies": []}),
        "preloadedDependencies",
    ),
    ("no-content-json", lambda: _without("content/content.json"), "content/content.json est absent"),
    (
        "invalid-content-json",
        lambda: _extra("content/content.json", b"{oups"),
        "content/content.json n'est pas un JSON valide",
    ),
    ("php-inside", lambda: _extra("content/shell.php", b"<?php echo 1; ?>"), "fichiers .php ne sont pas autorisés"),
    ("exe-inside", lambda: _extra(f"{MAIN_FOLDER}/setup.exe", b"MZ"), "fichiers .exe ne sont pas autorisés"),
    ("js-in-content", lambda: _extra("content/evil.js", b"alert(1)"), "fichiers .js ne sont pas autorisés"),
]


@pytest.mark.parametrize(("label", "build", "expected"), HOSTILE, ids=[case[0] for case in HOSTILE])
def test_hostile_archives_are_refused_and_leave_nothing(label, build, expected, media_root):
    data = build()
    make_h5p_activity()  # the store is not empty: nothing of it may change either
    before = stored_files(media_root)
    libraries_before = list(H5PLibrary.objects.values_list("machine_name", "patch_version", "storage_path"))
    with pytest.raises(PackageError) as refused:
        make_h5p_activity(label, data=data)
    assert expected in " ".join(refused.value.messages)
    assert stored_files(media_root) == before
    assert H5PActivity.objects.count() == 1
    assert list(H5PLibrary.objects.values_list("machine_name", "patch_version", "storage_path")) == libraries_before


def test_a_storage_failure_midway_leaves_nothing(media_root, monkeypatch):
    from h5p import store

    calls = {"count": 0}
    real_copy = store._copy_file

    def failing_copy(source, name, written):
        calls["count"] += 1
        if calls["count"] == 4:
            raise OSError("disque plein")
        return real_copy(source, name, written)

    monkeypatch.setattr(store, "_copy_file", failing_copy)
    with pytest.raises(OSError):
        make_h5p_activity()
    assert stored_files(media_root) == set()
    assert not H5PLibrary.objects.exists()
    assert not H5PActivity.objects.exists()


def test_upload_size_limit(settings, media_root):
    settings.H5P_MAX_UPLOAD_SIZE = 500
    with pytest.raises(PackageError) as refused:
        make_h5p_activity()
    assert "au-delà de la limite" in refused.value.messages[0]
    assert stored_files(media_root) == set()


def test_unpacked_size_limit(settings, media_root):
    settings.H5P_MAX_UNPACKED_SIZE = 1000
    with pytest.raises(PackageError) as refused:
        make_h5p_activity()
    assert "Une fois décompressé" in " ".join(refused.value.messages)
