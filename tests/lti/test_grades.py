"""AGS: a learner launched with a line item finishes the case; the score reaches the simulated platform through
the task queue, with an access token obtained by a client assertion signed with the tool's key."""

import json
from urllib.parse import parse_qs

import jwt
import pytest
import responses

from lti.models import AgsLink
from progress import api as progress
from progress.models import Status
from tests.factories import make_case

from .platform_kit import CLIENT_ID, ISSUER, SimulatedPlatform

pytestmark = pytest.mark.django_db
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
LINEITEM = f"{ISSUER}/mod/lti/services.php/2/lineitems/7/lineitem"
TOKEN_URL = f"{ISSUER}/mod/lti/token.php"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


@pytest.fixture
def platform(mock):
    simulated = SimulatedPlatform()
    simulated.register()
    simulated.serve_jwks(mock)
    return simulated


def ags_claims(scopes=(SCORE_SCOPE,)):
    return {AGS: {"scope": list(scopes), "lineitem": LINEITEM}}


def test_a_finished_case_sends_its_score_to_the_platform(client, platform, mock, django_capture_on_commit_callbacks):
    case = make_case()
    response, _, _ = platform.launch(client, case.url, token_claims=ags_claims())
    assert response.status_code == 302  # the slug "un-cas-à-jouer" is percent-encoded in the URL
    link = AgsLink.objects.get()
    assert link.activity_key == case.activity_key and link.lineitem == LINEITEM

    mock.add(responses.POST, TOKEN_URL, json={"access_token": "jeton-ags", "token_type": "Bearer", "expires_in": 3600})
    mock.add(responses.POST, LINEITEM + "/scores", status=200, body="")
    with django_capture_on_commit_callbacks(execute=True):
        progress.record_activity(link.user, case.activity_key, Status.COMPLETED, score=0.8)

    token_call, score_call = (call for call in mock.calls if call.request.method == "POST")
    assertion = parse_qs(token_call.request.body)["client_assertion"][0]
    tool_key = jwt.PyJWK(client.get("/lti/jwks/").json()["keys"][0])
    claims = jwt.decode(assertion, tool_key.key, algorithms=["RS256"], audience=TOKEN_URL)
    assert claims["iss"] == claims["sub"] == CLIENT_ID

    assert score_call.request.headers["Authorization"] == "Bearer jeton-ags"
    assert score_call.request.headers["Content-Type"] == "application/vnd.ims.lis.v1.score+json"
    score = json.loads(score_call.request.body)
    assert score["scoreGiven"] == 80 and score["scoreMaximum"] == 100
    assert score["userId"] == "etudiant-7"
    assert score["activityProgress"] == "Completed" and score["gradingProgress"] == "FullyGraded"
    link.refresh_from_db()
    assert link.last_score == 0.8 and link.last_posted_at is not None


def test_no_line_item_without_the_score_scope(client, platform):
    case = make_case()
    readonly = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"
    response, _, _ = platform.launch(client, case.url, token_claims=ags_claims(scopes=(readonly,)))
    assert response.status_code == 302
    assert not AgsLink.objects.exists()


def test_starting_an_activity_sends_nothing(client, platform, mock, django_capture_on_commit_callbacks):
    case = make_case()
    platform.launch(client, case.url, token_claims=ags_claims())
    with django_capture_on_commit_callbacks(execute=True):
        progress.record_activity(AgsLink.objects.get().user, case.activity_key, Status.STARTED)
    assert all(call.request.method == "GET" for call in mock.calls)  # only the platform's JWKS
