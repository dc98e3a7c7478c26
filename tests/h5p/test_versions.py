"""A new package for an activity played in a published lesson waits for a lead trainer's approval.

The packages are built here, in code: one tiny library (H5P.Question 1.0, patch given) and a content
whose question text tells which version a learner would see.
"""

import html
import io
import json
import zipfile

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.models import ModelLogEntry

from h5p import store
from h5p.models import H5PActivity, H5PLibrary, H5PPackageVersion
from progress.api import enrol
from tests.factories import make_course, make_lesson

from .conftest import stored_files

pytestmark = pytest.mark.django_db

LIBRARY = "H5P.Question"
FOLDER = f"{LIBRARY}-1.0"
VERSIONS_URL = "/admin/h5p-versions/"


def package_bytes(question, patch=1, script="console.log('v1');", title="Question du jour", helper_patch=None):
    """A valid .h5p: h5p.json, content/content.json and the library folder (library.json, semantics, js).

    With `helper_patch`, the library loads a second one, H5P.Helper 1.0, brought in that patch.
    """
    h5p_json = {
        "title": title,
        "mainLibrary": LIBRARY,
        "language": "fr",
        "embedTypes": ["iframe"],
        "preloadedDependencies": [{"machineName": LIBRARY, "majorVersion": 1, "minorVersion": 0}],
    }
    library = {
        "title": "Question",
        "machineName": LIBRARY,
        "majorVersion": 1,
        "minorVersion": 0,
        "patchVersion": patch,
        "runnable": 1,
        "preloadedJs": [{"path": "question.js"}],
    }
    semantics = [{"name": "question", "type": "text", "label": "Question"}]
    entries = {
        "h5p.json": json.dumps(h5p_json),
        "content/content.json": json.dumps({"question": question}),
        f"{FOLDER}/library.json": json.dumps(library),
        f"{FOLDER}/semantics.json": json.dumps(semantics),
        f"{FOLDER}/question.js": script,
    }
    if helper_patch is not None:
        library["preloadedDependencies"] = [{"machineName": "H5P.Helper", "majorVersion": 1, "minorVersion": 0}]
        entries[f"{FOLDER}/library.json"] = json.dumps(library)
        helper = {**library, "machineName": "H5P.Helper", "patchVersion": helper_patch, "runnable": 0}
        helper.pop("preloadedDependencies")
        helper["preloadedJs"] = [{"path": "helper.js"}]
        entries["H5P.Helper-1.0/library.json"] = json.dumps(helper)
        entries["H5P.Helper-1.0/helper.js"] = f"console.log('helper {helper_patch}');"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def upload(data, name="question.h5p"):
    return SimpleUploadedFile(name, data, content_type="application/zip")


def make_activity(question="Ancienne question", patch=1, title="Question du jour"):
    return store.install_package(H5PActivity(title=title), upload(package_bytes(question, patch)), hold_upgrades=set())


def publish_in_lesson(activity, learner=None):
    course = make_course()
    if learner is not None:
        enrol(learner, course)
    return make_lesson(course, title="Leçon publiée", body=[("h5p", {"activity": activity, "required": True})])


def live_question(activity):
    """The question text a learner's player gets: the live content.json of the activity."""
    activity.refresh_from_db()
    with store.open_content_file(activity, "content/content.json") as handle:
        return json.loads(handle.read())["question"]


def stored_script():
    library = H5PLibrary.objects.get(machine_name=LIBRARY)
    with store.open_library_file(library, "question.js") as handle:
        return library.patch_version, handle.read().decode()


def admin_messages(response):
    return [html.unescape(str(message)) for message in response.wsgi_request._messages]


def edit(client, activity, data, title=None):
    return client.post(
        f"/admin/snippets/h5p/h5pactivity/edit/{activity.pk}/",
        {"title": title or activity.title, "package": upload(data)},
    )


@pytest.fixture
def live_activity(learner):
    activity = make_activity()
    publish_in_lesson(activity, learner)
    return activity


@pytest.fixture
def submitted(client, trainer, lead_trainer, live_activity, django_capture_on_commit_callbacks):
    """A trainer replaced the package of the live activity: new question, newer library patch."""
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(client, live_activity, package_bytes("Nouvelle question", patch=2, script="alert('v2');"))
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    return H5PPackageVersion.objects.get(activity=live_activity)


def test_a_replacement_of_a_live_activity_is_not_served_before_approval(
    client, learner, trainer, lead_trainer, live_activity, media_root, django_capture_on_commit_callbacks
):
    live_path = live_activity.content_path
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(client, live_activity, package_bytes("Nouvelle question", patch=2, script="alert('v2');"))
    assert response.status_code == 302, response.content.decode()[:3000]

    # Learners keep the approved version, and the shared library is untouched.
    assert live_question(live_activity) == "Ancienne question"
    assert live_activity.content_path == live_path
    assert stored_script() == (1, "console.log('v1');")
    version = H5PPackageVersion.objects.get(activity=live_activity)
    assert version.is_pending and version.submitted_by == trainer
    assert version.content_path.startswith("h5p/pending/") and version.content_title == "Question du jour"
    assert [lib["version"] for lib in version.libraries] == ["1.0.2"]
    assert ModelLogEntry.objects.filter(action="h5p.version.submit", object_id=str(live_activity.pk)).exists()
    assert [message.to for message in mail.outbox] == [[lead_trainer.email]]
    assert "attend l'approbation" in mail.outbox[0].body or "approuver" in mail.outbox[0].body

    # The trainer is told, in the admin, that the new version waits.
    messages = admin_messages(response)
    assert any("attend l'approbation" in message and "gardent la version approuvée" in message for message in messages)

    client.force_login(lead_trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{VERSIONS_URL}{version.pk}/approuver/", {"comment": "Merci, c'est plus clair."})
    assert response.status_code == 302

    assert live_question(live_activity) == "Nouvelle question"
    assert live_activity.content_path != live_path
    assert stored_script() == (2, "alert('v2');")
    version.refresh_from_db()
    assert version.status == H5PPackageVersion.Status.APPROVED and version.reviewed_by == lead_trainer
    entry = ModelLogEntry.objects.get(action="h5p.version.approve")
    assert entry.object_id == str(live_activity.pk) and entry.user == lead_trainer
    assert entry.data["comment"] == "Merci, c'est plus clair."
    assert mail.outbox[-1].to == [trainer.email] and "Merci, c'est plus clair." in mail.outbox[-1].body
    # The staged files are gone; the previous content is kept for a rollback (test below).
    files = stored_files(media_root)
    assert not any(name.startswith("h5p/pending/") for name in files)
    assert any(name.startswith(live_path) for name in files)


def test_a_rejected_version_is_deleted_and_learners_keep_the_approved_one(
    client, trainer, lead_trainer, live_activity, submitted, media_root, django_capture_on_commit_callbacks
):
    assert any(name.startswith("h5p/pending/") for name in stored_files(media_root))
    client.force_login(lead_trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{VERSIONS_URL}{submitted.pk}/refuser/", {"comment": "Texte à revoir."})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == H5PPackageVersion.Status.REJECTED
    assert live_question(live_activity) == "Ancienne question"
    assert stored_script() == (1, "console.log('v1');")
    assert not any(name.startswith("h5p/pending/") for name in stored_files(media_root))
    entry = ModelLogEntry.objects.get(action="h5p.version.reject")
    assert entry.user == lead_trainer and entry.data["comment"] == "Texte à revoir."
    assert mail.outbox[-1].to == [trainer.email] and "refusée" in mail.outbox[-1].subject
    # A decision is final: approving it afterwards changes nothing.
    client.post(f"{VERSIONS_URL}{submitted.pk}/approuver/")
    assert live_question(live_activity) == "Ancienne question"


def test_a_plain_trainer_cannot_review(client, trainer, live_activity, submitted):
    client.force_login(trainer)
    assert client.get(VERSIONS_URL).status_code == 403
    assert client.get(f"{VERSIONS_URL}{submitted.pk}/").status_code == 403
    assert client.post(f"{VERSIONS_URL}{submitted.pk}/approuver/").status_code == 403
    assert client.post(f"{VERSIONS_URL}{submitted.pk}/refuser/").status_code == 403
    submitted.refresh_from_db()
    assert submitted.is_pending
    assert live_question(live_activity) == "Ancienne question"
    assert not ModelLogEntry.objects.filter(action__in=["h5p.version.approve", "h5p.version.reject"]).exists()


def test_review_needs_a_post_with_csrf(lead_trainer, live_activity, submitted):
    client = Client(enforce_csrf_checks=True)
    client.force_login(lead_trainer)
    assert client.get(f"{VERSIONS_URL}{submitted.pk}/approuver/").status_code == 405
    assert client.post(f"{VERSIONS_URL}{submitted.pk}/approuver/").status_code == 403
    submitted.refresh_from_db()
    assert submitted.is_pending


@pytest.mark.parametrize("reviewer", ["lead_trainer", "admin_user"])
def test_reviewers_see_the_pending_versions_and_what_changes(client, reviewer, request, live_activity, submitted):
    client.force_login(request.getfixturevalue(reviewer))
    assert "Versions H5P en attente (1)" in client.get("/admin/").content.decode()
    listing = client.get(VERSIONS_URL)
    assert listing.status_code == 200
    assert f"{VERSIONS_URL}{submitted.pk}/" in listing.content.decode()
    detail = client.get(f"{VERSIONS_URL}{submitted.pk}/").content.decode()
    assert "Nadia Formatrice" in detail  # who submitted
    assert "1.0.1" in detail and "1.0.2" in detail  # installed library version and the package's
    assert "Leçon publiée" in detail  # the live lesson the library upgrade reaches
    assert "Nouvelle question" in detail and "Ancienne question" in detail


def test_trainers_see_no_review_menu_but_a_clear_notice_on_the_edit_page(client, trainer, live_activity, submitted):
    client.force_login(trainer)
    assert "Versions H5P en attente" not in client.get("/admin/").content.decode()
    page = html.unescape(client.get(f"/admin/snippets/h5p/h5pactivity/edit/{live_activity.pk}/").content.decode())
    assert "utilisée dans une leçon publiée" in page
    assert "attend déjà l'approbation" in page


def test_an_activity_in_no_live_lesson_is_replaced_directly(client, trainer, media_root):
    activity = make_activity()
    client.force_login(trainer)
    response = edit(client, activity, package_bytes("Nouvelle question", patch=2, script="alert('v2');"))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert live_question(activity) == "Nouvelle question"
    assert stored_script() == (2, "alert('v2');")
    assert not H5PPackageVersion.objects.exists()


def test_a_new_activity_does_not_upgrade_a_library_played_in_a_live_lesson(
    client, trainer, lead_trainer, live_activity, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    data = package_bytes("Autre question", patch=2, script="alert('v2');", title="Autre activité")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/snippets/h5p/h5pactivity/add/", {"title": "", "package": upload(data)})
    assert response.status_code == 302, response.content.decode()[:3000]
    created = H5PActivity.objects.get(title="Autre activité")
    assert live_question(created) == "Autre question"
    assert stored_script() == (1, "console.log('v1');")  # the live lesson's library is untouched
    version = H5PPackageVersion.objects.get(activity=created)
    messages = admin_messages(response)
    assert any(FOLDER in message and "attend l'approbation" in message for message in messages)

    client.force_login(lead_trainer)
    client.post(f"{VERSIONS_URL}{version.pk}/approuver/")
    assert stored_script() == (2, "alert('v2');")


def test_deleting_an_activity_deletes_its_pending_files(
    live_activity, submitted, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        live_activity.delete()
    assert not any(name.startswith("h5p/pending/") for name in stored_files(media_root))
    assert not H5PPackageVersion.objects.exists()


def test_the_review_page_shows_hostile_content_as_text(client, lead_trainer, live_activity, submitted):
    # Whatever the package validation lets through, the reviewer's page never renders it as HTML.
    name = f"{submitted.content_path}/content/content.json"
    default_storage.delete(name)
    default_storage.save(name, ContentFile(b'{"question": "<img src=x onerror=alert(1)>"}'))
    client.force_login(lead_trainer)
    detail = client.get(f"{VERSIONS_URL}{submitted.pk}/").content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in detail
    assert "<img src=x" not in detail


def test_libraries_loaded_by_a_live_activity_are_protected_through_their_dependencies(learner):
    from h5p.versions import library_folders_in_live_use

    activity = store.install_package(
        H5PActivity(title="Avec aide"), upload(package_bytes("Question", helper_patch=1)), hold_upgrades=set()
    )
    publish_in_lesson(activity, learner)
    # Even if the activity's own list missed it, the helper its library loads is protected.
    activity.libraries.remove(H5PLibrary.objects.get(machine_name="H5P.Helper"))
    assert library_folders_in_live_use() == {FOLDER, "H5P.Helper-1.0"}

    store.install_package(H5PActivity(title="Autre"), upload(package_bytes("Autre", helper_patch=2)))
    assert H5PLibrary.objects.get(machine_name="H5P.Helper").patch_version == 1


def approve(client, lead_trainer, version, capture):
    client.force_login(lead_trainer)
    with capture(execute=True):
        assert client.post(f"{VERSIONS_URL}{version.pk}/approuver/").status_code == 302


def test_an_approved_upgrade_can_be_rolled_back_to_the_previous_content_and_library(
    client, trainer, lead_trainer, live_activity, submitted, media_root, django_capture_on_commit_callbacks
):
    approve(client, lead_trainer, submitted, django_capture_on_commit_callbacks)
    new_path = H5PActivity.objects.get(pk=live_activity.pk).content_path
    assert live_question(live_activity) == "Nouvelle question" and stored_script() == (2, "alert('v2');")
    url = f"{VERSIONS_URL}{submitted.pk}/revenir/"

    client.force_login(trainer)
    assert client.get(url).status_code == 403 and client.post(url).status_code == 403

    client.force_login(lead_trainer)
    page = client.get(url).content.decode()
    assert "Leçon publiée" in page and "Revenir à la version précédente" in page
    assert live_question(live_activity) == "Nouvelle question"  # nothing changes before the POST

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert live_question(live_activity) == "Ancienne question"
    assert stored_script() == (1, "console.log('v1');")
    submitted.refresh_from_db()
    assert submitted.status == H5PPackageVersion.Status.ROLLED_BACK and not submitted.rollback_state
    entry = ModelLogEntry.objects.get(action="h5p.version.rollback")
    assert entry.user == lead_trainer and entry.object_id == str(live_activity.pk)
    assert mail.outbox[-1].to == [trainer.email] and "retirée" in mail.outbox[-1].subject
    assert not any(name.startswith(new_path) for name in stored_files(media_root))

    response = client.post(url)
    assert "Cette version ne peut plus être annulée." in admin_messages(response)


def test_only_the_latest_approval_can_be_rolled_back_and_earlier_kept_files_go(
    client, trainer, lead_trainer, live_activity, submitted, media_root, django_capture_on_commit_callbacks
):
    first_path = H5PActivity.objects.get(pk=live_activity.pk).content_path
    approve(client, lead_trainer, submitted, django_capture_on_commit_callbacks)
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        edit(client, live_activity, package_bytes("Troisième question", patch=3, script="alert('v3');"))
    second = H5PPackageVersion.objects.filter(activity=live_activity).latest("pk")
    approve(client, lead_trainer, second, django_capture_on_commit_callbacks)

    submitted.refresh_from_db()
    assert not submitted.can_roll_back and second.__class__.objects.get(pk=second.pk).can_roll_back
    assert not any(name.startswith(first_path) for name in stored_files(media_root))
