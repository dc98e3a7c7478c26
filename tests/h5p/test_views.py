"""Player (sandboxed, behind signed tokens), served files, the statements endpoint and the lesson block."""

import json
import re

import pytest
from django.core import signing

from h5p import player_tokens
from progress.api import enrol
from progress.models import ActivityResult, Status
from statements.api import build_statement
from statements.models import Statement
from tests import h5p_kit
from tests.factories import make_course, make_h5p_activity, make_lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    return make_h5p_activity()


@pytest.fixture
def lesson(activity, learner):
    course = make_course()
    enrol(learner, course)  # lessons are open to enrolled learners
    return make_lesson(
        course,
        title="Vrai ou faux",
        body=[("rich_text", "<p>Avant de répondre.</p>"), ("h5p", {"activity": activity, "required": True})],
    )


def answered(user, activity, scaled=1.0, object_id=None, verb="answered"):
    statement = build_statement(
        user, verb, object_id or activity.get_iri(), activity.title, result={"score": {"scaled": scaled}}
    )
    return statement


def token_for(user, activity):
    return player_tokens.issue(user, activity)


def post(client, activity, data, token=None):
    """Post a statement as the lesson page relays it: with the player token of the logged-in user's frame."""
    user = client.session.get("_auth_user_id")
    if token is None and user:
        token = signing.dumps({"u": int(user), "a": activity.pk}, salt=player_tokens.SALT)
    return client.post(
        f"/h5p/{activity.pk}/declarations/",
        data=json.dumps(data) if not isinstance(data, bytes) else data,
        content_type="application/json",
        headers={"X-H5P-Player-Token": token or ""},
    )


def player_url(user, activity, path=""):
    return f"/h5p/lecteur/{token_for(user, activity)}/{path}"


def test_player_page_is_sandboxed_and_carries_no_personal_data(client, learner, lesson, activity):
    client.force_login(learner)
    lesson_response = client.get(lesson.url)
    html = lesson_response.content.decode()
    token = re.search(r'src="/h5p/lecteur/([^/"]+)/"', html)[1]
    assert player_tokens.grants(token, learner, activity)
    client.logout()  # the sandboxed player carries no session: the token alone opens it
    response = client.get(f"/h5p/lecteur/{token}/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Content-Security-Policy"]
    assert "sandbox allow-scripts" in policy and "frame-ancestors 'self'" in policy
    assert "allow-same-origin" not in policy
    config = response.context["config"]
    assert config["h5pJsonPath"] == f"/h5p/lecteur/{token}/contenu"
    assert config["librariesPath"] == f"/h5p/lecteur/{token}/bibliotheques"
    assert config["frameJs"].endswith("vendor/h5p-standalone/frame.bundle.js")
    assert "actor" not in config and "statementsUrl" not in config
    page = response.content.decode()
    assert learner.email not in page and learner.get_display_name() not in page
    assert "csrf" not in page.lower()
    assert "'unsafe-eval'" not in lesson_response["Content-Security-Policy"]
    assert lesson_response["X-Frame-Options"] == "DENY"


def test_lesson_frames_the_player_in_an_opaque_origin_sandbox(client, learner, lesson, activity):
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    frame = re.search(r"<iframe[^>]*data-h5p-frame[^>]*>", html)[0]
    assert 'sandbox="allow-scripts"' in frame
    assert "allow-same-origin" not in frame
    assert f'data-h5p-statements="/h5p/{activity.pk}/declarations/"' in frame
    token = re.search(r'data-h5p-token="([^"]+)"', frame)[1]
    assert player_tokens.grants(token, learner, activity)
    assert f'src="/h5p/lecteur/{token}/"' in frame


def test_player_and_files_need_a_valid_token(client, learner, lesson, activity, settings):
    client.force_login(learner)  # the session is not enough: the old session URLs are gone
    assert client.get(f"/h5p/contenus/{activity.pk}/h5p.json").status_code == 404
    assert client.get(f"/h5p/bibliotheques/{h5p_kit.MAIN_FOLDER}/library.json").status_code == 404
    forged = signing.dumps({"u": learner.pk, "a": activity.pk}, salt="autre-chose")
    for token in ("pas-un-jeton", forged):
        assert client.get(f"/h5p/lecteur/{token}/").status_code == 404
        assert client.get(f"/h5p/lecteur/{token}/contenu/h5p.json").status_code == 404
        assert client.get(f"/h5p/lecteur/{token}/bibliotheques/{h5p_kit.MAIN_FOLDER}/library.json").status_code == 404
    valid = player_url(learner, activity)
    settings.H5P_PLAYER_TOKEN_MAX_AGE = -1  # every token has expired
    assert client.get(valid).status_code == 404
    assert client.get(valid + "contenu/h5p.json").status_code == 404


def test_activity_iri_opens_the_player_with_a_token(client, learner, trainer, lesson, activity):
    client.force_login(learner)
    location = client.get(f"/h5p/{activity.pk}/")["Location"]
    token = re.match(r"/h5p/lecteur/([^/]+)/$", location)[1]
    assert player_tokens.grants(token, learner, activity)
    client.force_login(trainer)
    assert client.get(f"/h5p/{activity.pk}/").status_code == 302


def test_activity_iri_is_refused_when_the_activity_is_not_in_a_visible_lesson(client, learner, activity):
    client.force_login(learner)
    assert client.get(f"/h5p/{activity.pk}/").status_code == 403
    assert post(client, activity, answered(learner, activity)).status_code == 403
    assert not Statement.objects.exists()


def test_anonymous_visitors_are_sent_to_login(client, lesson, activity):
    assert "/comptes/login/" in client.get(f"/h5p/{activity.pk}/")["Location"]
    assert post(client, activity, {}).status_code == 403


def test_content_and_library_files_are_served_with_a_locked_policy(client, learner, lesson, activity):
    other = make_h5p_activity(data=h5p_kit.package(title="Autre"))
    response = client.get(player_url(learner, activity, "contenu/h5p.json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert json.loads(b"".join(response.streaming_content))["mainLibrary"] == h5p_kit.MAIN
    assert client.get(player_url(learner, activity, "contenu/content/content.json")).status_code == 200
    library = client.get(player_url(learner, activity, f"bibliotheques/{h5p_kit.MAIN_FOLDER}/library.json"))
    assert library.status_code == 200
    script = client.get(
        player_url(learner, activity, f"bibliotheques/{h5p_kit.MAIN_FOLDER}/scripts/collectif-question.js")
    )
    assert script["Content-Type"].startswith("text/javascript")
    for path in (
        "contenu/../../settings.py",
        "contenu/content/inconnu.json",
        f"contenu/{h5p_kit.MAIN_FOLDER}/library.json",
        f"bibliotheques/{h5p_kit.MAIN_FOLDER}/..%2F..%2Fh5p.json",
        "bibliotheques/H5P.Inconnue-1.0/library.json",
        f"bibliotheques/{h5p_kit.EDITOR_FOLDER}/library.json",  # not a library this activity loads
    ):
        assert client.get(player_url(learner, activity, path)).status_code == 404, path
    # A token opens the files of its own activity only.
    assert client.get(player_url(learner, other, "contenu/h5p.json")).status_code == 200
    token = token_for(learner, activity)
    assert b"Autre" not in b"".join(client.get(f"/h5p/lecteur/{token}/contenu/h5p.json").streaming_content)


def test_a_scored_answer_updates_progress_and_completes_the_lesson(client, learner, lesson, activity):
    client.force_login(learner)
    response = post(client, activity, answered(learner, activity, scaled=0.5))
    assert response.status_code == 201
    assert response.json()["progress"]["score"] == 0.5
    assert "50 %" in response.json()["progress"]["label"]
    result = ActivityResult.objects.get(user=learner, activity_key=f"h5p:{activity.pk}")
    assert result.status == Status.COMPLETED and result.score == 0.5
    # The activity was the lesson's only required one: the lesson is completed too.
    assert ActivityResult.objects.get(user=learner, activity_key=f"lesson:{lesson.pk}").status == Status.COMPLETED
    statement = Statement.objects.get(user=learner, object_id=activity.get_iri())
    assert statement.verb.endswith("/answered")
    # The lesson (and its module) completed in turn are statements of their own.
    assert Statement.objects.filter(user=learner, object_id__endswith=f"/lecons/{lesson.pk}/").exists()
    # The lesson page shows the score.
    assert "meilleur score : 50 %" in client.get(lesson.url).content.decode()


def test_sub_question_statements_are_stored_without_progress(client, learner, lesson, activity):
    client.force_login(learner)
    sub = answered(learner, activity, object_id=activity.get_iri() + "?subContentId=abc")
    assert post(client, activity, sub).status_code == 201
    assert Statement.objects.filter(user=learner).count() == 1
    assert not ActivityResult.objects.filter(user=learner, activity_key=f"h5p:{activity.pk}").exists()


def test_statements_for_another_person_are_refused(client, learner, other_learner, lesson, activity):
    client.force_login(learner)
    response = post(client, activity, answered(other_learner, activity))
    assert response.status_code == 403
    mbox = answered(learner, activity)
    mbox["actor"] = {"objectType": "Agent", "mbox": "mailto:quelquun@exemple.test"}
    assert post(client, activity, mbox).status_code == 403
    assert not Statement.objects.exists()
    assert not ActivityResult.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s.pop("verb"), "verbe"),
        (lambda s: s.pop("object"), "objet"),
        (lambda s: s.pop("actor"), "acteur"),
        (lambda s: s["result"]["score"].update(scaled=7), "score"),
        (lambda s: s.update(id="pas-un-uuid"), "UUID"),
        (lambda s: s["actor"].update(mbox="mailto:x@exemple.test"), "un seul identifiant"),
        (lambda s: s["object"].update(id="http://ailleurs.example/activite"), "ne concerne pas cette activité"),
    ],
)
def test_malformed_statements_are_refused(client, learner, lesson, activity, change, message):
    client.force_login(learner)
    statement = answered(learner, activity)
    change(statement)
    response = post(client, activity, statement)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not Statement.objects.exists()


def test_non_json_body_is_refused(client, learner, lesson, activity):
    client.force_login(learner)
    assert post(client, activity, b"{pas du json").status_code == 400
    assert client.get(f"/h5p/{activity.pk}/declarations/").status_code == 405


def test_statements_need_the_csrf_token(learner, lesson, activity):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert post(client, activity, answered(learner, activity)).status_code == 403


def test_lesson_block_renders_frame_fallback_and_status(client, learner, lesson, activity):
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert 'title="Activité interactive : Question Collectif"' in html
    assert "data-h5p-fallback" in html and "a besoin de JavaScript" in html
    assert "Activité pas encore faite." in html
    assert "h5p/lesson.js" in html


def test_lesson_activity_index_holds_the_h5p_key(lesson, activity):
    from progress.models import LessonActivity

    assert list(LessonActivity.objects.filter(lesson=lesson).values_list("activity_key", "required")) == [
        (f"h5p:{activity.pk}", True)
    ]


def test_block_preview_value_renders():
    from h5p.blocks import H5PBlock

    block = H5PBlock()
    html = block.render(block.to_python(block.meta.preview_value))
    assert "n'est plus disponible" in html


def test_an_lrs_outage_does_not_block_the_learner(
    client, settings, learner, lesson, activity, django_capture_on_commit_callbacks
):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    settings.LRS_ENDPOINT = f"http://127.0.0.1:{closed_port}/xAPI/"
    settings.LRS_MAX_ATTEMPTS = 2
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, activity, answered(learner, activity, scaled=1.0))
    assert response.status_code == 201
    assert ActivityResult.objects.get(user=learner, activity_key=f"h5p:{activity.pk}").score == 1.0
    statement = Statement.objects.get(user=learner, object_id=activity.get_iri())
    assert statement.forwarded_at is None and statement.forward_attempts == 2


def test_visible_to_scopes_activities_to_live_lessons(learner, trainer, lesson, activity):
    from h5p.access import visible_to

    unused = make_h5p_activity()
    assert list(visible_to(learner)) == [activity]
    assert set(visible_to(trainer)) == {activity, unused}
    lesson.unpublish()
    assert list(visible_to(learner)) == []


def test_page_privacy_of_the_lesson_applies_to_the_player(client, learner, lesson, activity):
    from wagtail.models import PageViewRestriction

    from accounts.permissions import Role, role_group

    restriction = PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([role_group(Role.MANAGER)])
    client.force_login(learner)
    assert client.get(f"/h5p/{activity.pk}/").status_code == 403
    assert post(client, activity, answered(learner, activity)).status_code == 403


def test_statements_need_this_users_player_token_for_this_activity(
    client, settings, learner, other_learner, lesson, activity
):
    other_activity = make_h5p_activity(data=h5p_kit.package(title="Autre"))
    client.force_login(learner)
    statement = answered(learner, activity)
    forged = signing.dumps({"u": learner.pk, "a": activity.pk}, salt="autre-sel")
    for token in ("", "pas-un-jeton", forged, token_for(other_learner, activity), token_for(learner, other_activity)):
        response = post(client, activity, statement, token=token)
        assert response.status_code == 403, token
        assert "rechargez la page" in response.json()["error"]
    settings.H5P_PLAYER_TOKEN_MAX_AGE = -1
    assert post(client, activity, statement, token=token_for(learner, activity)).status_code == 403
    assert not Statement.objects.exists()
    assert not ActivityResult.objects.filter(activity_key=activity.activity_key).exists()


def test_only_enrolled_learners_record_progress(client, other_learner, trainer, lesson, activity):
    for user in (other_learner, trainer):  # the lesson is visible to them, they are not enrolled
        client.force_login(user)
        response = post(client, activity, answered(user, activity))
        assert response.status_code == 403
        assert "inscrit·e au module" in response.json()["error"]
    assert not Statement.objects.exists()
    assert not ActivityResult.objects.filter(activity_key=activity.activity_key).exists()


@pytest.mark.parametrize(
    ("score", "message"),
    [
        ({"scaled": 1.5}, "entre"),
        ({"scaled": -0.5}, "entre 0 et 1"),
        ({"raw": 50, "max": 1}, "dépasse le score maximal"),
        ({"raw": 50, "max": 1, "scaled": 1}, "dépasse le score maximal"),
        ({"raw": 1, "min": 2, "max": 3}, "inférieur au score minimal"),
        ({"raw": 0, "max": 0}, "supérieur à 0"),
        ({"raw": 1}, "accompagné du score maximal"),
        ({"raw": 0, "max": 1, "scaled": 1}, "ne correspond pas"),
        ({"scaled": "1"}, "nombre"),
        ({"scaled": True}, "nombre fini"),
    ],
)
def test_impossible_scores_are_refused(client, learner, lesson, activity, score, message):
    client.force_login(learner)
    statement = answered(learner, activity)
    statement["result"] = {"score": score}
    response = post(client, activity, statement)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not ActivityResult.objects.filter(activity_key=activity.activity_key).exists()


@pytest.mark.parametrize("constant", ["Infinity", "-Infinity", "NaN"])
def test_non_finite_numbers_are_refused(client, learner, lesson, activity, constant):
    client.force_login(learner)
    body = json.dumps(answered(learner, activity)).replace('"scaled": 1.0', f'"scaled": {constant}')
    assert constant in body
    response = post(client, activity, body.encode())
    assert response.status_code == 400
    assert "nombres doivent être finis" in response.json()["error"]
    assert not Statement.objects.exists()


def test_raw_and_max_give_the_score(client, learner, lesson, activity):
    client.force_login(learner)
    statement = answered(learner, activity)
    statement["result"] = {"score": {"min": 0, "raw": 3, "max": 4, "scaled": 0.75}}
    assert post(client, activity, statement).status_code == 201
    assert ActivityResult.objects.get(user=learner, activity_key=activity.activity_key).score == 0.75


def test_a_reused_statement_id_is_a_conflict(client, learner, other_learner, lesson, activity):
    client.force_login(learner)
    statement = answered(learner, activity, scaled=0.5)
    assert post(client, activity, statement).status_code == 201
    response = post(client, activity, statement)
    assert response.status_code == 409
    assert "déjà été enregistrée" in response.json()["error"]
    # Another learner reusing the id is refused the same way, and nothing of theirs is recorded.
    enrol(other_learner, lesson.get_parent().specific)
    client.force_login(other_learner)
    theirs = answered(other_learner, activity, scaled=1.0)
    theirs["id"] = statement["id"]
    assert post(client, activity, theirs).status_code == 409
    assert Statement.objects.get(statement_id=statement["id"]).user == learner
    assert not Statement.objects.filter(user=other_learner).exists()
    assert not ActivityResult.objects.filter(user=other_learner, activity_key=activity.activity_key).exists()
