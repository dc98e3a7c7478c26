"""SCORM modules: upload in the admin, files served sandboxed behind player tokens with the runtime prelude,
commits stored per learner and attempt and counted in progress, resume data, refusals in French."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from progress.api import enrol
from progress.models import ActivityResult, Status
from scorm import player_tokens, runtime
from scorm.models import ScormAttempt, ScormPackage
from tests import scorm_kit
from tests.factories import make_course, make_lesson, make_scorm_package

pytestmark = pytest.mark.django_db

PASSED_12 = {
    "cmi.core.lesson_status": "passed",
    "cmi.core.score.raw": "80",
    "cmi.core.score.min": "0",
    "cmi.core.score.max": "100",
    "cmi.core.exit": "",
    "cmi.core.session_time": "00:05:30",
    "cmi.suspend_data": "",
}
SUSPENDED_12 = {
    "cmi.core.lesson_status": "incomplete",
    "cmi.core.lesson_location": "p3",
    "cmi.suspend_data": "diapositive=3",
    "cmi.core.exit": "suspend",
    "cmi.core.session_time": "00:02:00",
}


@pytest.fixture
def module():
    return make_scorm_package(title="Animer une réunion")


@pytest.fixture
def lesson(module, learner):
    course = make_course()
    enrol(learner, course)
    return make_lesson(course, title="Le module", body=[("scorm", {"package": module, "required": True})])


def commit(client, package, data, token=None, user=None, attempt=1):
    if token is None and user is not None:
        token = player_tokens.issue(user, package, attempt)
    return client.post(
        f"/scorm/{package.pk}/enregistrer/",
        data=json.dumps(data) if not isinstance(data, bytes) else data,
        content_type="application/json",
        headers={"X-Scorm-Player-Token": token or ""},
    )


def test_trainer_uploads_a_module_in_the_admin(client, trainer):
    client.force_login(trainer)
    upload = SimpleUploadedFile("module.zip", scorm_kit.package("2004", title="Faire avec"))
    response = client.post("/admin/snippets/scorm/scormpackage/add/", {"title": "", "package": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    package = ScormPackage.objects.get()
    assert (package.version, str(package), package.launch_path) == ("2004", "Faire avec", "index.html")


def test_a_hostile_module_is_refused_at_the_field_in_french(client, trainer):
    client.force_login(trainer)
    files = {**scorm_kit.files_for(), "imsmanifest.xml": '<!DOCTYPE m [<!ENTITY x "y">]><manifest/>'}
    upload = SimpleUploadedFile("module.zip", scorm_kit.zip_files(files))
    response = client.post("/admin/snippets/scorm/scormpackage/add/", {"title": "X", "package": upload})
    assert response.status_code == 200
    assert "DTD ou des entités XML" in response.content.decode()
    assert not ScormPackage.objects.exists()


def test_the_lesson_frames_the_module_sandboxed(client, learner, lesson, module):
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert 'sandbox="allow-scripts"' in html
    assert "allow-same-origin" not in html
    assert f'data-scorm-commit="/scorm/{module.pk}/enregistrer/"' in html


def test_module_pages_get_the_runtime_prelude_and_a_sandbox(client, learner, module):
    token = player_tokens.issue(learner, module, 1)
    response = client.get(f"/scorm/lecteur/{token}/index.html")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("cross-frame-api.min.js") < body.index("<main>")
    assert f'"cmi.core.student_id": "{learner.pk}"' in body
    assert "sandbox allow-scripts" in response["Content-Security-Policy"]
    assert "allow-same-origin" not in response["Content-Security-Policy"]
    script = client.get(f"/scorm/lecteur/{token}/sco.js")
    assert script.status_code == 200 and "LMSInitialize" in b"".join(script.streaming_content).decode()


@pytest.mark.parametrize("path", ["../imsmanifest.xml", "imsmanifest.xml/../x.html", "absent.html", "a.php"])
def test_unsafe_or_missing_paths_are_not_served(client, learner, module, path):
    token = player_tokens.issue(learner, module, 1)
    assert client.get(f"/scorm/lecteur/{token}/{path}").status_code == 404


def test_a_forged_token_opens_nothing(client, module):
    assert client.get("/scorm/lecteur/faux-jeton/index.html").status_code == 404


def test_a_commit_is_stored_in_its_attempt_and_completes_the_activity(client, learner, lesson, module):
    client.force_login(learner)
    response = commit(client, module, {**PASSED_12, "terminate": True}, user=learner)
    assert response.status_code == 200, response.content
    assert response.json()["result"] == "true"
    assert "80 %" in response.json()["label"]
    attempt = ScormAttempt.objects.get(learner=learner, package=module)
    assert (attempt.completion_status, attempt.success_status, attempt.score_scaled) == ("completed", "passed", 0.8)
    assert attempt.finished and attempt.total_seconds == 330
    result = ActivityResult.objects.get(user=learner, activity_key=module.activity_key)
    assert (result.status, result.score) == (Status.COMPLETED, 0.8)
    # The next launch starts a new attempt.
    assert runtime.current_attempt_number(learner, module) == 2


def test_a_suspended_attempt_resumes_where_the_learner_left_off(client, learner, lesson, module):
    client.force_login(learner)
    assert commit(client, module, {**SUSPENDED_12, "terminate": True}, user=learner).status_code == 200
    assert runtime.current_attempt_number(learner, module) == 1
    launch = runtime.launch_data(learner, module, 1)
    assert launch["cmi.suspend_data"] == "diapositive=3"
    assert launch["cmi.core.lesson_location"] == "p3"
    assert launch["cmi.core.entry"] == "resume"
    result = ActivityResult.objects.get(user=learner, activity_key=module.activity_key)
    assert result.status == Status.STARTED


def test_2004_statuses_and_scaled_score_are_read():
    fields = runtime.read_commit(
        "2004",
        {
            "cmi.completion_status": "completed",
            "cmi.success_status": "failed",
            "cmi.score.scaled": "0.4",
            "cmi.session_time": "PT1M30S",
        },
    )
    assert (fields["completion_status"], fields["success_status"], fields["score_scaled"]) == (
        "completed",
        "failed",
        0.4,
    )
    assert fields["session_seconds"] == 90


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"cmi.core.lesson_status": "génial"}, "n'est pas une valeur SCORM"),
        ({"cmi.core.score.raw": "beaucoup"}, "n'est pas un nombre"),
        ({"cmi.core.score.raw": "Infinity"}, "doit être un nombre fini"),
        ({"cmi.suspend_data": "x" * 64001}, "dépasse 64000 caractères"),
        (["pas", "un", "objet"], "n'est pas un objet JSON"),
    ],
)
def test_bad_commits_get_a_french_message_and_change_nothing(client, learner, lesson, module, data, message):
    client.force_login(learner)
    commit(client, module, SUSPENDED_12, user=learner)
    response = commit(client, module, data, user=learner)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert ScormAttempt.objects.get(learner=learner, package=module).suspend_data == "diapositive=3"


def test_nan_and_malformed_json_are_refused(client, learner, lesson, module):
    client.force_login(learner)
    assert commit(client, module, b'{"cmi.core.score.raw": NaN}', user=learner).status_code == 400
    assert commit(client, module, b"{pas du json", user=learner).status_code == 400


def test_commits_need_the_learners_own_token(client, learner, other_learner, lesson, module):
    client.force_login(learner)
    assert commit(client, module, PASSED_12, token="").status_code == 403
    assert commit(client, module, PASSED_12, user=other_learner).status_code == 403
    assert not ScormAttempt.objects.exists()


def test_a_learner_not_enrolled_cannot_commit(client, other_learner, lesson, module):
    client.force_login(other_learner)
    response = commit(client, module, PASSED_12, user=other_learner)
    assert response.status_code == 403
    assert not ScormAttempt.objects.exists()


def test_a_signed_out_commit_says_so(client, learner, lesson, module):
    response = commit(client, module, PASSED_12, user=learner)
    assert response.status_code == 403
    assert "déconnecté" in response.json()["error"]


def test_a_trainer_preview_is_checked_but_not_stored(client, trainer, lesson, module):
    client.force_login(trainer)
    assert client.get(f"/scorm/{module.pk}/").status_code == 200
    assert commit(client, module, PASSED_12, user=trainer).status_code == 200
    assert not ScormAttempt.objects.exists()


def test_a_learner_reaches_a_module_only_through_a_visible_lesson(client, learner, other_learner, lesson, module):
    unused = make_scorm_package(title="Pas dans une leçon")
    client.force_login(learner)
    assert client.get(f"/scorm/{module.pk}/").status_code == 200
    assert client.get(f"/scorm/{unused.pk}/").status_code == 403


def test_deleting_a_module_removes_its_files(module, media_root):
    prefix = media_root / module.storage_path
    assert (prefix / "index.html").is_file()
    module.delete()
    assert not (prefix / "index.html").exists()


def test_a_finished_session_sends_one_xapi_outcome_and_a_suspended_one_none(client, learner, lesson, module):
    from statements.api import VERBS
    from statements.models import Statement

    client.force_login(learner)
    commit(client, module, {**SUSPENDED_12, "terminate": True}, user=learner)
    assert not Statement.objects.filter(user=learner, object_id__endswith=f"/scorm/{module.pk}").exists()
    commit(client, module, {**PASSED_12, "terminate": True}, user=learner)
    (statement,) = Statement.objects.filter(user=learner, object_id__endswith=f"/scorm/{module.pk}")
    assert statement.data["verb"]["id"] == VERBS["passed"]
    assert statement.data["result"] == {"completion": True, "success": True, "score": {"scaled": 0.8}}
