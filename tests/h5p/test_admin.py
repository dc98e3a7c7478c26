"""Trainers upload activities and see the library store in the Wagtail admin; learners cannot."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from h5p.models import H5PActivity
from tests import h5p_kit
from tests.factories import make_h5p_activity

from .conftest import build_zip, kit_entries, stored_files

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/h5p/h5pactivity/add/"
LIBRARIES_URL = "/admin/snippets/h5p/h5plibrary/"


def upload(name, data=None):
    return SimpleUploadedFile(name, data if data is not None else h5p_kit.package())


@pytest.mark.parametrize("role_fixture", ["trainer", "lead_trainer"])
def test_trainers_upload_a_package_in_the_admin(client, role_fixture, request, media_root):
    user = request.getfixturevalue(role_fixture)
    client.force_login(user)
    assert client.get(ADD_URL).status_code == 200
    response = client.post(ADD_URL, {"title": "", "package": upload("qcm.h5p")})
    assert response.status_code == 302, response.content.decode()[:2000]
    activity = H5PActivity.objects.get()
    assert activity.title == "Question Collectif"
    assert activity.main_library == h5p_kit.MAIN
    assert activity.uploaded_by == user


def test_a_refused_package_shows_why_and_stores_nothing(client, trainer, media_root):
    client.force_login(trainer)
    entries = kit_entries()
    entries["content/shell.php"] = b"<?php ?>"
    response = client.post(ADD_URL, {"title": "Piège", "package": upload("piege.h5p", build_zip(entries))})
    assert response.status_code == 200
    html = response.content.decode()
    assert "fichiers .php ne sont pas autorisés" in html
    assert not H5PActivity.objects.exists()
    assert stored_files(media_root) == set()
    response = client.post(ADD_URL, {"title": "Image", "package": upload("image.png", b"\x89PNG")})
    assert "Choisissez un fichier .h5p" in response.content.decode()


def test_trainers_see_libraries_and_the_activities_using_them(client, trainer, media_root):
    make_h5p_activity(title="QCM sur le diagnostic partagé")
    make_h5p_activity(title="Texte à trous : les étapes")
    client.force_login(trainer)
    response = client.get(LIBRARIES_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{h5p_kit.STYLE} 1.0.0" in html
    assert "QCM sur le diagnostic partagé" in html and "Texte à trous : les étapes" in html
    assert client.get(f"{LIBRARIES_URL}add/").status_code in (302, 403)


def test_library_listing_query_count(client, trainer, media_root, django_assert_max_num_queries):
    make_h5p_activity()
    make_h5p_activity()
    client.force_login(trainer)
    with django_assert_max_num_queries(40):
        assert client.get(LIBRARIES_URL).status_code == 200


def test_learners_cannot_manage_activities(client, learner):
    client.force_login(learner)
    response = client.get(ADD_URL)
    assert response.status_code in (302, 403)
    assert not H5PActivity.objects.exists()


def test_activity_listing_and_inspect_pages(client, trainer, media_root):
    activity = make_h5p_activity(title="Texte à trous : les étapes")
    client.force_login(trainer)
    listing = client.get("/admin/snippets/h5p/h5pactivity/")
    assert listing.status_code == 200
    assert "Texte à trous : les étapes" in listing.content.decode()
    assert f"{h5p_kit.MAIN} 1.0" in listing.content.decode()
    assert client.get(f"/admin/snippets/h5p/h5pactivity/inspect/{activity.pk}/").status_code == 200
    library = activity.libraries.get(machine_name=h5p_kit.MAIN)
    assert client.get(f"{LIBRARIES_URL}inspect/{library.pk}/").status_code == 200
    assert client.get(f"/admin/snippets/h5p/h5pactivity/edit/{activity.pk}/").status_code == 200


def test_renaming_an_activity_keeps_its_package(client, trainer, media_root):
    activity = make_h5p_activity()
    content_path = activity.content_path
    client.force_login(trainer)
    response = client.post(f"/admin/snippets/h5p/h5pactivity/edit/{activity.pk}/", {"title": "Vrai ou faux revu"})
    assert response.status_code == 302, response.content.decode()[:2000]
    activity.refresh_from_db()
    assert activity.title == "Vrai ou faux revu"
    assert activity.content_path == content_path


@pytest.mark.parametrize(
    ("content_bytes", "expected"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "content/content.json est imbriqué sur plus de 100 niveaux"),
        (b'{"media": {"library": "H5P.TestQuestion 1.0", "params": {}}}', "seules celles-ci sont permises"),
    ],
    ids=["content-json-100000-deep", "library-not-allowed"],
)
def test_content_refused_by_validation_shows_why_in_the_admin(client, trainer, media_root, content_bytes, expected):
    from .builders import package

    client.force_login(trainer)
    data = package(content_bytes=content_bytes)
    response = client.post(ADD_URL, {"title": "Piège", "package": upload("piege.h5p", data)})
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not H5PActivity.objects.exists()
    assert stored_files(media_root) == set()
