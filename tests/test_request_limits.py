"""Request bodies are bounded before anything reads them (core/request_limits.py)."""

import pytest
from django.urls import reverse

from tests.factories import make_entry

pytestmark = pytest.mark.django_db

HUGE = 130 * 1024 * 1024


def test_an_anonymous_huge_upload_is_refused_before_it_is_read(client, settings):
    response = client.post(
        "/comptes/login/", data=b"x", content_type="multipart/form-data; boundary=x", CONTENT_LENGTH=str(HUGE)
    )
    assert response.status_code == 413
    assert "trop volumineux (plus de 10 Mo)" in response.content.decode()


def test_json_callers_get_json(client, learner):
    entry = make_entry(learner)
    client.force_login(learner)
    response = client.post(
        reverse("reflections:autosave", args=[entry.pk]),
        data=b"{}",
        content_type="application/json",
        CONTENT_LENGTH=str(11 * 1024 * 1024),
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 413 and response.json()["status"] == "too_large"
    assert "reste dans l'éditeur" in response.json()["error"]


def test_staff_may_upload_packages_in_the_admin_but_not_elsewhere(client, trainer, learner, settings):
    big = str(50 * 1024 * 1024)
    client.force_login(trainer)
    # Within the upload limit in the admin: the request goes through to the view (here the admin's own answer).
    assert client.post("/admin/", data=b"", content_type="text/plain", CONTENT_LENGTH=big).status_code != 413
    assert (
        client.post(reverse("reflections:new"), data=b"", content_type="text/plain", CONTENT_LENGTH=big).status_code
        == 413
    )
    client.force_login(learner)
    assert client.post("/admin/", data=b"", content_type="text/plain", CONTENT_LENGTH=big).status_code == 413


def test_nul_characters_are_refused_with_a_clear_message_in_forms_json_and_addresses(client, learner):
    entry = make_entry(learner, html="<p>gardé</p>")
    client.force_login(learner)
    url = reverse("reflections:autosave", args=[entry.pk])
    form = client.post(url, {"title": "a\x00b", "body_html": "<p>x</p>", "revision": entry.draft_revision})
    assert form.status_code == 400 and "NUL" in form.content.decode()
    as_json = client.post(url, data='{"a": "\\u0000"}', content_type="application/json")
    assert as_json.status_code == 400 and "NUL" in as_json.json()["error"]
    assert client.get(reverse("reflections:journal") + "?q=%00").status_code == 400
    entry.refresh_from_db()
    assert entry.draft_html == "<p>gardé</p>"
