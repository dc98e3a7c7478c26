"""Player, served files, statements endpoint and the lesson block."""

import json

import pytest

from progress.api import enrol
from progress.models import ActivityResult, Status
from statements.api import actor_for, build_statement
from statements.models import Statement
from tests.factories import make_course, make_h5p_activity, make_lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    return make_h5p_activity("truefalse-hello-world")


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


def post(client, activity, data):
    return client.post(
        f"/h5p/{activity.pk}/declarations/",
        data=json.dumps(data) if not isinstance(data, bytes) else data,
        content_type="application/json",
    )


def test_player_page_is_framed_with_its_own_policy(client, learner, lesson, activity):
    client.force_login(learner)
    response = client.get(f"/h5p/{activity.pk}/lecteur/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = response["Content-Security-Policy"]
    assert "'unsafe-eval'" in policy and "'unsafe-inline'" in policy
    config = response.context["config"]
    assert config["h5pJsonPath"] == f"/h5p/contenus/{activity.pk}"
    assert config["librariesPath"] == "/h5p/bibliotheques"
    assert config["actor"] == actor_for(learner)
    assert config["frameJs"].endswith("vendor/h5p-standalone/frame.bundle.js")
    lesson_response = client.get(lesson.url)
    assert lesson_response.status_code == 200
    assert "'unsafe-eval'" not in lesson_response["Content-Security-Policy"]
    assert lesson_response["X-Frame-Options"] == "DENY"


def test_player_and_files_are_refused_when_the_activity_is_not_in_a_visible_lesson(client, learner, activity):
    client.force_login(learner)
    assert client.get(f"/h5p/{activity.pk}/lecteur/").status_code == 403
    assert client.get(f"/h5p/contenus/{activity.pk}/h5p.json").status_code == 404
    assert post(client, activity, answered(learner, activity)).status_code == 403
    assert not Statement.objects.exists()


def test_anonymous_visitors_are_sent_to_login(client, lesson, activity):
    assert "/comptes/login/" in client.get(f"/h5p/{activity.pk}/lecteur/")["Location"]
    assert "/comptes/login/" in client.get(f"/h5p/contenus/{activity.pk}/h5p.json")["Location"]
    assert post(client, activity, {}).status_code == 403


def test_trainers_preview_any_activity(client, trainer, activity):
    client.force_login(trainer)
    assert client.get(f"/h5p/{activity.pk}/lecteur/").status_code == 200


def test_content_and_library_files_are_served_with_a_locked_policy(client, learner, lesson, activity):
    client.force_login(learner)
    response = client.get(f"/h5p/contenus/{activity.pk}/h5p.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "sandbox" in response["Content-Security-Policy"]
    assert json.loads(b"".join(response.streaming_content))["mainLibrary"] == "H5P.TrueFalse"
    assert client.get(f"/h5p/contenus/{activity.pk}/content/content.json").status_code == 200
    library = client.get("/h5p/bibliotheques/H5P.TrueFalse-1.6/library.json")
    assert library.status_code == 200
    script = client.get("/h5p/bibliotheques/H5P.TrueFalse-1.6/scripts/h5p-true-false.js")
    assert script["Content-Type"].startswith("text/javascript")
    for url in (
        f"/h5p/contenus/{activity.pk}/../../settings.py",
        f"/h5p/contenus/{activity.pk}/content/inconnu.json",
        f"/h5p/contenus/{activity.pk}/H5P.TrueFalse-1.6/library.json",
        "/h5p/bibliotheques/H5P.TrueFalse-1.6/..%2F..%2Fh5p.json",
        "/h5p/bibliotheques/H5P.Inconnue-1.0/library.json",
    ):
        assert client.get(url).status_code == 404, url


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
    statement = Statement.objects.get(user=learner)
    assert statement.object_id == activity.get_iri()
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
    assert f'src="/h5p/{activity.pk}/lecteur/"' in html
    assert 'title="Activité interactive : Hello World"' in html
    assert "data-h5p-fallback" in html and "a besoin de JavaScript" in html
    assert "Activité pas encore faite." in html
    assert "h5p/lesson.js" in html


def test_lesson_activity_index_holds_the_h5p_key(lesson, activity):
    from courses.models import LessonActivity

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
    statement = Statement.objects.get(user=learner)
    assert statement.forwarded_at is None and statement.forward_attempts == 2


def test_visible_to_scopes_activities_to_live_lessons(learner, trainer, lesson, activity):
    from h5p.access import visible_to

    unused = make_h5p_activity("multichoice")
    assert list(visible_to(learner)) == [activity]
    assert set(visible_to(trainer)) == {activity, unused}
    lesson.unpublish()
    assert list(visible_to(learner)) == []


def test_page_privacy_of_the_lesson_applies_to_the_player(client, learner, lesson, activity):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Responsables d'équipe")])
    client.force_login(learner)
    assert client.get(f"/h5p/{activity.pk}/lecteur/").status_code == 403
    assert post(client, activity, answered(learner, activity)).status_code == 403
