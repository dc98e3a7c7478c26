"""Deep Linking: a teacher launched from the simulated platform picks a case; the signed answer checks out against
the tool's published JWKS."""

import html
import re

import jwt
import pytest
import responses

from lti.launch import RESOURCE_PARAM
from tests.factories import make_case

from .platform_kit import CLIENT_ID, DEPLOYMENT_ID, ISSUER, LTI, SimulatedPlatform

pytestmark = pytest.mark.django_db
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
RETURN_URL = f"{ISSUER}/mod/lti/contentitem_return.php"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"


@pytest.fixture
def platform():
    simulated = SimulatedPlatform()
    simulated.register()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        simulated.serve_jwks(mock)
        yield simulated


def deep_link_claims(roles=(INSTRUCTOR,)):
    return {
        LTI + "message_type": "LtiDeepLinkingRequest",
        LTI + "roles": list(roles),
        DL + "deep_linking_settings": {
            "deep_link_return_url": RETURN_URL,
            "accept_types": ["ltiResourceLink"],
            "accept_presentation_document_targets": ["iframe", "window"],
            "data": "contexte-opaque-42",
        },
    }


def test_teacher_picks_a_case_and_gets_a_signed_answer(client, platform):
    case = make_case(title="Accueillir une famille")
    response, _, _ = platform.launch(client, "http://testserver/lti/launch/", token_claims=deep_link_claims())
    assert response.status_code == 302
    assert response["Location"] == "/lti/contenus/"

    picker = client.get("/lti/contenus/")
    assert picker.status_code == 200
    assert f'id="page-{case.pk}"' in picker.content.decode()

    answer = client.post("/lti/contenus/", {"page": case.pk})
    assert answer.status_code == 200
    body = answer.content.decode()
    assert f'action="{RETURN_URL}"' in body
    assert "form-action 'self' https://moodle.example.org" in answer["Content-Security-Policy"]
    token = html.unescape(re.search(r'name="JWT" value="([^"]+)"', body).group(1))

    jwks = client.get("/lti/jwks/").json()
    key = jwt.PyJWK(jwks["keys"][0])
    assert jwt.get_unverified_header(token)["kid"] == key.key_id
    claims = jwt.decode(token, key.key, algorithms=["RS256"], audience=ISSUER)
    assert claims["iss"] == CLIENT_ID
    assert claims[LTI + "message_type"] == "LtiDeepLinkingResponse"
    assert claims[LTI + "deployment_id"] == DEPLOYMENT_ID
    assert claims[DL + "data"] == "contexte-opaque-42"
    (item,) = claims[DL + "content_items"]
    assert item["type"] == "ltiResourceLink"
    assert item["url"] == "http://testserver/lti/launch/"
    assert item["custom"] == {RESOURCE_PARAM: case.url}
    # One answer per request: the picker is closed afterwards.
    assert client.get("/lti/contenus/").status_code == 403


def test_learners_cannot_pick_content(client, platform):
    claims = deep_link_claims(roles=("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",))
    response, _, _ = platform.launch(client, "http://testserver/lti/launch/", token_claims=claims)
    assert response.status_code == 403
    assert "Seul·es les enseignant·es" in response.content.decode()
    assert client.get("/lti/contenus/").status_code == 403


def test_picker_refuses_anything_but_a_published_module_case_or_quiz(client, platform):
    draft = make_case(title="Brouillon", live=False)
    platform.launch(client, "http://testserver/lti/launch/", token_claims=deep_link_claims())
    response = client.post("/lti/contenus/", {"page": draft.pk})
    assert response.status_code == 200
    assert "Choisissez un module" in html.unescape(response.content.decode())
    assert "JWT" not in response.content.decode()
