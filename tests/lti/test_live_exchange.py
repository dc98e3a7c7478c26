"""The whole LTI Advantage exchange over real HTTP, no mock: a platform runs on loopback in the test (its own RSA
keys, its JWKS, token, membership and score endpoints), and checks what the tool signs against the tool's JWKS
served by the live server. Launch → case page; finished case → score on the platform's line item; NRPS → team."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests

from lti.models import LtiIdentity, Platform
from progress import api as progress
from progress.models import Status
from tests.factories import make_case, make_team, make_user

from .platform_kit import CLIENT_ID, LTI, SimulatedPlatform

pytestmark = pytest.mark.django_db(transaction=True)

MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"


class LoopbackPlatform(ThreadingHTTPServer):
    """A small LMS: serves its JWKS, gives access tokens to a client assertion it verifies with the tool's
    published keys, lists a course's members (two pages) and records the scores it receives."""

    daemon_threads = True

    def __init__(self, simulated, tool_jwks_url):
        super().__init__(("127.0.0.1", 0), PlatformHandler)
        self.simulated = simulated
        self.tool_jwks_url = tool_jwks_url
        self.granted = []  # scopes of the tokens given
        self.scores = []
        self.delay = 0  # seconds before answering a member list
        self.members = [
            {"user_id": "etudiant-1", "given_name": "Inès", "family_name": "Moreau", "roles": [MEMBERSHIP + "Learner"]},
            {"user_id": "enseignant-1", "name": "Claire Dubois", "roles": [MEMBERSHIP + "Instructor"]},
        ]
        self.second_page = [
            {"user_id": "etudiant-2", "given_name": "Yanis", "family_name": "Baptiste", "roles": ["Learner"]},
        ]

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request, client_address):
        pass  # the tool hung up first (the timeout test): nothing to report

    def check_assertion(self, assertion):
        keys = requests.get(self.tool_jwks_url, timeout=5).json()["keys"]
        kid = jwt.get_unverified_header(assertion)["kid"]
        key = jwt.PyJWK(next(key for key in keys if key["kid"] == kid))
        claims = jwt.decode(assertion, key.key, algorithms=["RS256"], audience=f"{self.url}/mod/lti/token.php")
        return claims["iss"] == claims["sub"] == CLIENT_ID


class PlatformHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body=None, headers=None):
        payload = json.dumps(body or {}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()

    def authorised(self):
        return self.headers.get("Authorization") == "Bearer jeton-de-la-plateforme"

    def do_GET(self):
        platform, path = self.server, urlsplit(self.path)
        if path.path == "/mod/lti/certs.php":
            return self.answer(200, platform.simulated.jwks())
        if path.path == "/memberships" and self.authorised():
            time.sleep(platform.delay)
            if path.query == "page=2":
                return self.answer(200, {"members": platform.second_page})
            return self.answer(
                200, {"members": platform.members}, {"Link": f'<{platform.url}/memberships?page=2>; rel="next"'}
            )
        return self.answer(404)

    def do_POST(self):
        platform, path = self.server, urlsplit(self.path)
        if path.path == "/mod/lti/token.php":
            form = parse_qs(self.body())
            if not platform.check_assertion(form["client_assertion"][0]):
                return self.answer(401, {"error": "invalid_client"})
            platform.granted.append(form["scope"][0])
            return self.answer(200, {"access_token": "jeton-de-la-plateforme", "token_type": "Bearer"})
        if path.path == "/lineitems/7/lineitem/scores" and self.authorised():
            platform.scores.append(json.loads(self.body()))
            return self.answer(200)
        return self.answer(404)


@pytest.fixture
def lms(live_server):
    simulated = SimulatedPlatform()
    server = LoopbackPlatform(simulated, f"{live_server.url}/lti/jwks/")
    simulated.issuer = server.url
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    simulated.register()
    yield server
    server.shutdown()
    server.server_close()


def launch_claims(lms):
    return {
        LTI + "context": {"id": "cours-12", "title": "Intervention sociale collective"},
        "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": {
            "context_memberships_url": f"{lms.url}/memberships",
            "service_versions": ["2.0"],
        },
        "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
            "scope": [SCORE_SCOPE],
            "lineitem": f"{lms.url}/lineitems/7/lineitem",
        },
    }


def test_launch_score_and_member_import_over_real_http(client, lms, django_capture_on_commit_callbacks):
    case = make_case(title="Accueillir une famille")
    launched, _, _ = lms.simulated.launch(client, case.url, sub="etudiant-1", token_claims=launch_claims(lms))
    assert launched.status_code == 302 and launched["Location"] == case.url
    assert "Accueillir une famille" in client.get(case.url).content.decode()
    learner = LtiIdentity.objects.get(issuer=lms.url, sub="etudiant-1").user

    with django_capture_on_commit_callbacks(execute=True):
        progress.record_activity(learner, case.activity_key, Status.COMPLETED, score=0.75)
    assert lms.granted == [SCORE_SCOPE]
    (score,) = lms.scores
    assert score["userId"] == "etudiant-1" and score["scoreGiven"] == 75 and score["activityProgress"] == "Completed"

    manager = make_user(display_name="Nadia Responsable")
    team = make_team(name="Promotion ASS 2026", organisation="IRTS d'Ormelande", manager=manager)
    Platform.objects.update(organisation=team.organisation)
    client.force_login(manager)
    course = team.organisation.lti_platforms.get().courses.get(context_id="cours-12")
    preview = client.post(f"/lti/equipes/{team.pk}/importer/", {"course": course.pk})
    assert lms.granted[-1] == NRPS_SCOPE
    client.post(f"/lti/equipes/{team.pk}/importer/", {"liste": preview.context["payload"]})

    assert list(team.member_users().values_list("display_name", flat=True)) == ["Yanis Baptiste"]
    assert team.invitations.get().email == learner.email  # Inès launched before: invited, not added
    assert not LtiIdentity.objects.filter(sub="enseignant-1").exists()


def test_a_platform_that_hangs_is_given_up_on(client, lms, monkeypatch):
    """A hung platform does not hold the manager's page: the call times out and the page says so."""
    from lti import roster

    manager = make_user()
    team = make_team(name="Promotion ES", organisation="IRTS d'Ormelande", manager=manager)
    Platform.objects.update(organisation=team.organisation)
    lms.simulated.launch(client, make_case().url, token_claims=launch_claims(lms))
    monkeypatch.setattr(roster, "REQUEST_TIMEOUT", 0.3)
    lms.delay = 2

    client.force_login(manager)
    course = team.organisation.lti_platforms.get().courses.get()
    response = client.post(f"/lti/equipes/{team.pk}/importer/", {"course": course.pk})
    assert "La plateforme n'a pas donné la liste" in response.content.decode().replace("&#x27;", "'")
    assert not team.member_users().exists()
