"""Hostile archives are refused for what they carry, whether or not their library is already installed.

Each archive is built in code and holds only h5p.json and content/ (plus a library folder when the hostile
file is inside one). Each runs twice: with an empty library store, where "missing library" must not be the
reason given, and with the main library installed, where nothing else would refuse it.
"""

import json

import pytest

from h5p.models import H5PActivity, H5PLibrary
from h5p.packages import PackageError

from .builders import PNG, QUESTION_FOLDER, install, library_files, package, package_entries, zip_bytes
from .conftest import stored_files

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10">%s</svg>'
SCRIPT_REFUSED = "contient du script"


def _content_only(**extra):
    return zip_bytes({**package_entries(with_libraries=False), **extra})


def _svg(body, name="content/images/dessin.svg"):
    return _content_only(**{name: SVG.replace(b"%s", body)})


def _library_svg():
    library = library_files("H5P.TestQuestion", [], dependencies=["H5P.TestMedia"])
    library[f"{QUESTION_FOLDER}/icon.svg"] = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    return zip_bytes({**package_entries(with_libraries=False), **library})


def _content_json(data):
    return zip_bytes(package_entries(with_libraries=False, content_bytes=data))


def _deep_semantics():
    library = library_files("H5P.TestQuestion", None, dependencies=["H5P.TestMedia"])
    library[f"{QUESTION_FOLDER}/semantics.json"] = b"[" * 5000 + b"]" * 5000
    return zip_bytes({**package_entries(with_libraries=False), **library})


# (case, builder, words of the refusal); builders run inside the test.
HOSTILE = [
    ("svg-script", lambda: _svg(b"<script>alert(document.cookie)</script>"), SCRIPT_REFUSED),
    ("svg-onload", lambda: _svg(b'<rect onload="alert(1)" width="1"/>'), SCRIPT_REFUSED),
    ("svg-javascript-link", lambda: _svg(b'<a xlink:href=" java\tscript:alert(1)"><text>x</text></a>'), SCRIPT_REFUSED),
    ("svg-foreign-object", lambda: _svg(b"<foreignObject><div>x</div></foreignObject>"), SCRIPT_REFUSED),
    (
        "svg-entities",
        lambda: _content_only(**{"content/a.svg": b'<!DOCTYPE s [<!ENTITY x "y">]><svg>&x;</svg>'}),
        "entités interdites",
    ),
    ("svg-in-library", _library_svg, SCRIPT_REFUSED),
    (
        "htaccess",
        lambda: _content_only(**{"content/.htaccess": b"AddType text/html .png"}),
        "fichiers et dossiers cachés",
    ),
    ("git-folder", lambda: _content_only(**{"content/.git/config.txt": b"x"}), "fichiers et dossiers cachés"),
    (
        "png-html-polyglot",
        lambda: _content_only(**{"content/images/p.png": PNG + b"<html><script>alert(1)</script>"}),
        "cache du code HTML",
    ),
    (
        "html-named-png",
        lambda: _content_only(**{"content/images/p.png": b"<html><body>x</body></html>"}),
        "ne correspond pas à son extension",
    ),
    ("exe-named-pdf", lambda: _content_only(**{"content/doc.pdf": b"MZ\x90\x00"}), "ne correspond pas à son extension"),
    (
        "text-named-mp3",
        lambda: _content_only(**{"content/son.mp3": b"pas du son"}),
        "ne correspond pas à son extension",
    ),
    ("nul-in-name", lambda: _content_only(**{"content/images/p.png\x00.php": PNG}), "caractère nul"),
    ("right-to-left-override", lambda: _content_only(**{"content/images/x\u202egnp.js": PNG}), "caractères interdits"),
    ("case-duplicates", lambda: _content_only(**{"content/images/PHOTO.png": PNG}), "ne diffèrent que par la casse"),
    (
        "case-duplicate-folders",
        lambda: _content_only(**{"content/Images/autre.png": PNG}),
        "ne diffèrent que par la casse",
    ),
    (
        "content-json-100000-deep",
        lambda: _content_json(b"[" * 100_000 + b"]" * 100_000),
        "imbriqué sur plus de 100 niveaux",
    ),
    ("content-json-nan", lambda: _content_json(b'{"ratio": NaN}'), "n'est pas un JSON valide"),
    ("content-json-huge-number", lambda: _content_json(b'{"ratio": 1e400}'), "n'est pas un JSON valide"),
    ("semantics-json-5000-deep", _deep_semantics, "imbriqué sur plus de 100 niveaux"),
    ("content-json-nul", lambda: _content_json(b'{"label": "a\\u0000b"}'), "caractère nul"),
]


@pytest.fixture(params=["empty-store", "library-installed"])
def store_state(request, media_root):
    if request.param == "library-installed":
        install(package())
    return request.param


@pytest.mark.parametrize(("label", "build", "expected"), HOSTILE, ids=[case[0] for case in HOSTILE])
def test_hostile_archive_is_refused_for_what_it_carries(label, build, expected, store_state, media_root):
    data = build()
    before = stored_files(media_root)
    libraries_before = list(H5PLibrary.objects.values_list("machine_name", "patch_version", "storage_path"))
    activities_before = H5PActivity.objects.count()
    with pytest.raises(PackageError) as refused:
        install(data)
    message = " ".join(refused.value.messages)
    assert expected in message
    assert "Bibliothèques H5P manquantes" not in message
    assert stored_files(media_root) == before
    assert list(H5PLibrary.objects.values_list("machine_name", "patch_version", "storage_path")) == libraries_before
    assert H5PActivity.objects.count() == activities_before


def test_oversized_json_is_refused_before_parsing(settings, media_root):
    settings.H5P_MAX_JSON_SIZE = 2000
    with pytest.raises(PackageError) as refused:
        install(package(content_bytes=json.dumps({"label": "x" * 3000}).encode()))
    assert "content/content.json dépasse la taille autorisée" in " ".join(refused.value.messages)


def test_the_valid_archive_of_these_tests_is_accepted_in_both_states(store_state, media_root):
    """Otherwise the refusals above could come from something else in the archive."""
    data = package() if store_state == "empty-store" else _content_only()
    activity = install(data)
    assert activity.main_library == "H5P.TestQuestion"


def test_macos_litter_is_skipped_not_refused(media_root):
    activity = install(zip_bytes({**package_entries(), "__MACOSX/content/._x.png": b"x", "content/.DS_Store": b"x"}))
    assert not any(".DS_Store" in path or "MACOSX" in path for path in stored_files(media_root))
    assert activity.pk
