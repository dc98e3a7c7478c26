"""Small H5P packages built in code for the validation tests: two test libraries and their semantics.

H5P.TestQuestion 1.0 is a content type whose semantics use every field type H5P knows; its `media` field
accepts one sub-content library, H5P.TestMedia 1.0. Nothing is read from outside the repository.
"""

import io
import json
import zipfile

QUESTION = "H5P.TestQuestion"
MEDIA = "H5P.TestMedia"
QUESTION_FOLDER = f"{QUESTION}-1.0"
MEDIA_FOLDER = f"{MEDIA}-1.0"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(17)
SUB_CONTENT_ID = "5f0c0d0e-1a2b-4c3d-8e9f-a0b1c2d3e4f5"

QUESTION_SEMANTICS = [
    {"name": "question", "type": "text", "widget": "html", "tags": ["strong", "em", "a", "ul", "table"]},
    {"name": "intro", "type": "text", "widget": "html", "tags": ["strong"], "font": {"color": True}},
    {"name": "label", "type": "text", "maxLength": 20},
    {"name": "passPercentage", "type": "number", "min": 0, "max": 100},
    {"name": "ratio", "type": "number", "min": 0, "max": 1, "decimals": 2},
    {"name": "randomize", "type": "boolean", "default": True},
    {"name": "mode", "type": "select", "options": [{"value": "auto", "label": "Auto"}, {"value": "manual"}]},
    {
        "name": "answers",
        "type": "list",
        "min": 1,
        "max": 3,
        "field": {
            "name": "answer",
            "type": "group",
            "fields": [
                {"name": "text", "type": "text", "widget": "html", "tags": ["em"]},
                {"name": "correct", "type": "boolean"},
            ],
        },
    },
    {"name": "feedback", "type": "group", "fields": [{"name": "items", "type": "list", "field": {"type": "text"}}]},
    {"name": "media", "type": "library", "options": [f"{MEDIA} 1.0"]},
    {"name": "image", "type": "image"},
]
MEDIA_SEMANTICS = [
    {"name": "caption", "type": "text", "widget": "html", "tags": ["em"]},
    {"name": "file", "type": "image"},
]


def library_files(machine_name, semantics, dependencies=(), patch=0, runnable=True):
    folder = f"{machine_name}-1.0"
    library = {
        "machineName": machine_name,
        "title": machine_name,
        "majorVersion": 1,
        "minorVersion": 0,
        "patchVersion": patch,
        "runnable": int(runnable),
        "preloadedJs": [{"path": "library.js"}],
        "preloadedDependencies": [{"machineName": name, "majorVersion": 1, "minorVersion": 0} for name in dependencies],
    }
    files = {
        f"{folder}/library.json": json.dumps(library).encode(),
        f"{folder}/library.js": b"var H5P = H5P || {};",
    }
    if semantics is not None:
        files[f"{folder}/semantics.json"] = json.dumps(semantics).encode()
    return files


def libraries():
    return {
        **library_files(QUESTION, QUESTION_SEMANTICS, dependencies=[MEDIA]),
        **library_files(MEDIA, MEDIA_SEMANTICS, runnable=False),
    }


def h5p_json(**extra):
    return {
        "title": "Question de test",
        "language": "fr",
        "mainLibrary": QUESTION,
        "embedTypes": ["iframe"],
        "preloadedDependencies": [
            {"machineName": QUESTION, "majorVersion": 1, "minorVersion": 0},
            {"machineName": MEDIA, "majorVersion": 1, "minorVersion": 0},
        ],
        **extra,
    }


def valid_content(**changes):
    content = {
        "question": "<p>Quelle est la <strong>bonne</strong> réponse ?</p>",
        "intro": "<p>Introduction</p>",
        "label": "Vérifier",
        "passPercentage": 80,
        "ratio": 0.5,
        "randomize": False,
        "mode": "auto",
        "answers": [{"text": "<em>Oui</em>", "correct": True}, {"text": "Non", "correct": False}],
        "feedback": ["Bravo"],
        "media": {
            "library": f"{MEDIA} 1.0",
            "params": {"caption": "<em>Légende</em>", "file": {"path": "images/photo.png", "mime": "image/png"}},
            "subContentId": SUB_CONTENT_ID,
        },
        "image": {"path": "images/photo.png", "mime": "image/png", "width": 10, "height": 10},
    }
    content.update(changes)
    return content


def package_entries(content=None, with_libraries=True, h5p=None, content_bytes=None):
    """{name: bytes} of a package; `content_bytes` replaces content.json as is (for malformed JSON)."""
    entries = {
        "h5p.json": json.dumps(h5p or h5p_json()).encode(),
        "content/content.json": content_bytes
        if content_bytes is not None
        else json.dumps(valid_content() if content is None else content).encode(),
        "content/images/photo.png": PNG,
    }
    if with_libraries:
        entries.update(libraries())
    return entries


def zip_bytes(entries):
    """A zip from {name: bytes}; names may carry anything (NUL, control characters), as hostile archives do."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo("entry")
            info.filename = name  # ZipInfo() would cut a name at its NUL character
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buffer.getvalue()


def package(content=None, **kwargs):
    return zip_bytes(package_entries(content, **kwargs))


def upload(data, name="paquet.h5p"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/zip")


def install(data, activity=None):
    """Install a package as the admin form does (a new activity unless one is given)."""
    from h5p.models import H5PActivity
    from h5p.store import install_package

    return install_package(activity or H5PActivity(), upload(data))


def stored_json(activity, path="content/content.json"):
    from django.core.files.storage import default_storage

    with default_storage.open(f"{activity.content_path}/{path}") as handle:
        return json.loads(handle.read())
