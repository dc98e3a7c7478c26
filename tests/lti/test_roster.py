"""Names and Role Provisioning: a launch makes a platform course known; a manager of the platform's organisation
reads its member list from the simulated platform (access token by a client assertion signed with the tool's key,
pages followed), checks it, and imports its learners into a team: accounts made for the team by (issuer, sub),
existing accounts only invited, teachers left out; every refusal leaves the team as it was."""

import html
import json
from urllib.parse import parse_qs

import jwt
import pytest
import responses
from django.core import signing
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.models import User
from accounts.permissions import Role
from lti import roster
from lti.models import LtiCourse, LtiIdentity, Platform
from teams.models import Invitation
from tests.factories import make_case, make_team, make_user

from .platform_kit import CLIENT_ID, ISSUER, SimulatedPlatform

pytestmark = pytest.mark.django_db

TOKEN_URL = f"{ISSUER}/mod/lti/token.php"
MEMBERS_URL = f"{ISSUER}/mod/lti/services.php/cours-12/bindings/3/memberships"
NEXT_PAGE_URL = f"{ISSUER}/mod/lti/services.php/cours-12/bindings/3/memberships?page=2"
NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
CONTEXT = "https://purl.imsglobal.org/spec/lti/claim/context"
ROLES = "https://purl.imsglobal.org/spec/lti/claim/roles"
MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#"
NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"


def text(response):
    return html.unescape(response.content.decode())


def member(user_id, given, family, role="Learner", **extra):
    return {
        "user_id": user_id,
        "given_name": given,
        "family_name": family,
        "name": f"{given} {family}",
        "roles": [MEMBERSHIP + role],
        "status": "Active",
        **extra,
    }


FIRST_PAGE = [
    member("etudiant-1", "Inès", "Moreau"),
    member("etudiant-2", "Yanis", "Baptiste"),
    member("enseignant-1", "Claire", "Dubois", role="Instructor"),
]
SECOND_PAGE = [
    member("etudiant-3", "Léa", "Roux", status="Inactive"),
    member("etudiant-7", "Alex", "Martin"),
]


@pytest.fixture
def world(mock):
    simulated = SimulatedPlatform()
    platform = simulated.register()
    simulated.serve_jwks(mock)
    manager = make_user(display_name="Nadia Responsable")
    team = make_team(name="Promotion ASS 2026", organisation="IRTS d'Ormelande", manager=manager)
    platform.organisation = team.organisation
    platform.save()
    return {"simulated": simulated, "platform": platform, "team": team, "manager": manager, "case": make_case()}


def course_claims(role="Instructor"):
    return {
        ROLES: [MEMBERSHIP + role],
        CONTEXT: {"id": "cours-12", "label": "ISC-1", "title": "Intervention sociale collective"},
        NRPS: {"context_memberships_url": MEMBERS_URL, "service_versions": ["2.0"]},
    }


def launch_from_course(world, sub="enseignant-1", role="Instructor"):
    response, _, _ = world["simulated"].launch(Client(), world["case"].url, sub=sub, token_claims=course_claims(role))
    assert response.status_code == 302, response.content
    return LtiCourse.objects.get(platform=world["platform"], context_id="cours-12")


def serve_member_list(mock):
    mock.add(responses.POST, TOKEN_URL, json={"access_token": "jeton-nrps", "token_type": "Bearer", "expires_in": 60})
    container = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json"
    mock.add(
        responses.GET,
        NEXT_PAGE_URL,
        json={"id": MEMBERS_URL, "members": SECOND_PAGE},
        content_type=container,
        match=[responses.matchers.query_param_matcher({"page": "2"})],
    )
    mock.add(
        responses.GET,
        MEMBERS_URL,
        json={"id": MEMBERS_URL, "members": FIRST_PAGE},
        content_type=container,
        headers={"Link": f'<{NEXT_PAGE_URL}>; rel="next"'},
        match=[responses.matchers.query_param_matcher({})],
    )


def import_url(team):
    return reverse("lti:team_import", args=[team.pk])


def read_list(client, world, course):
    response = client.post(import_url(world["team"]), {"course": course.pk})
    assert response.status_code == 200
    return response


def payload_of(response):
    return response.context["payload"]


def test_a_launch_with_the_member_list_service_makes_the_course_known(world):
    course = launch_from_course(world)
    assert course.title == "Intervention sociale collective" and course.label == "ISC-1"
    assert course.memberships_url == MEMBERS_URL


def test_a_launch_without_the_service_makes_no_course(world):
    claims = {ROLES: [MEMBERSHIP + "Learner"], CONTEXT: {"id": "cours-12", "title": "Sans NRPS"}}
    response, _, _ = world["simulated"].launch(Client(), world["case"].url, token_claims=claims)
    assert response.status_code == 302
    assert not LtiCourse.objects.exists()


def test_manager_imports_the_learners_of_the_course(client, world, mock, django_capture_on_commit_callbacks):
    course = launch_from_course(world)
    serve_member_list(mock)
    client.force_login(world["manager"])

    page = client.get(import_url(world["team"]))
    assert "Intervention sociale collective (ISC-1) — Moodle de test" in text(page)

    preview = read_list(client, world, course)
    body = text(preview)
    for name in ("Inès Moreau", "Yanis Baptiste", "Alex Martin"):
        assert name in body
    assert "Claire Dubois" not in body and "Léa Roux" not in body  # the teacher and the inactive member
    assert "2 autres participant·es (enseignant·es ou inactif·ves) ne sont pas importé·es." in body
    assert body.count("Compte créé pour l'équipe et ajouté") == 3
    assert not User.objects.filter(lti_identities__sub="etudiant-1").exists()  # reading the list changes nothing

    token_call = next(call for call in mock.calls if call.request.url == TOKEN_URL)
    form = parse_qs(token_call.request.body)
    assert form["scope"] == [NRPS_SCOPE]
    tool_key = jwt.PyJWK(client.get("/lti/jwks/").json()["keys"][0])
    assertion = jwt.decode(form["client_assertion"][0], tool_key.key, algorithms=["RS256"], audience=TOKEN_URL)
    assert assertion["iss"] == assertion["sub"] == CLIENT_ID
    list_call = next(call for call in mock.calls if call.request.url == MEMBERS_URL)
    assert list_call.request.headers["Authorization"] == "Bearer jeton-nrps"

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(import_url(world["team"]), {"liste": payload_of(preview)}, follow=True)
    assert done.redirect_chain[-1][0] == reverse("teams:members", args=[world["team"].pk])
    assert "Import du cours « Intervention sociale collective » : 3 personnes ajoutées" in text(done)

    members = world["team"].member_users()
    assert sorted(members.values_list("display_name", flat=True)) == ["Alex Martin", "Inès Moreau", "Yanis Baptiste"]
    identity = LtiIdentity.objects.get(issuer=ISSUER, sub="etudiant-1")
    assert identity.platform == world["platform"] and identity.user.first_name == "Inès"
    assert identity.user.email.endswith("@lti.invalid") and not identity.user.has_usable_password()
    assert not LtiIdentity.objects.filter(sub__in=["enseignant-2", "etudiant-3"]).exists()
    logged = ModelLogEntry.objects.filter(object_id=str(world["team"].pk))
    assert logged.filter(action="teams.member.add_new_account", user=world["manager"]).count() == 3
    summary = logged.get(action=roster.IMPORTED)
    assert summary.data["created"] == 3 and summary.data["course"] == "Intervention sociale collective"

    # The imported learner then launches from the platform: the same account, already in the team.
    learner_client = Client()
    response, _, _ = world["simulated"].launch(learner_client, world["case"].url, sub="etudiant-1")
    assert response.status_code == 302
    assert int(learner_client.session["_auth_user_id"]) == identity.user_id


def test_an_existing_account_is_only_invited(client, world, mock):
    launch_from_course(world, sub="etudiant-7", role="Learner")  # Alex launched Collectif before the import
    course = LtiCourse.objects.get()
    alex = LtiIdentity.objects.get(sub="etudiant-7").user
    serve_member_list(mock)
    client.force_login(world["manager"])

    preview = read_list(client, world, course)
    assert "Compte existant : invitation, ajout seulement si la personne accepte" in text(preview)
    client.post(import_url(world["team"]), {"liste": payload_of(preview)})

    assert not world["team"].member_users().filter(pk=alex.pk).exists()
    invitation = Invitation.objects.get(team=world["team"])
    assert invitation.email == alex.email and invitation.accepted_at is None
    invited = text(client.get(reverse("teams:invite", args=[world["team"].pk])))
    assert "Alex Martin (compte créé par une plateforme : invitation sur « Mon espace »)" in invited
    alex_client = Client()
    alex_client.force_login(alex)
    assert "Invitations à rejoindre une équipe" in text(alex_client.get(reverse("my_space")))


def test_a_course_of_another_organisation_cannot_be_read(client, world, mock):
    course = launch_from_course(world)
    other_manager = make_user(display_name="Bruno Responsable")
    other_team = make_team(name="Accueil", organisation="CCAS voisin", manager=other_manager)
    client.force_login(other_manager)

    page = client.get(import_url(other_team))
    assert "Aucun cours de plateforme n'est connu pour cette organisation" in text(page)
    response = client.post(import_url(other_team), {"course": course.pk})
    assert "Aucun cours de plateforme n'est connu pour cette organisation" in text(response)
    assert client.get(import_url(world["team"])).status_code == 404
    assert not any(call.request.url.startswith(MEMBERS_URL) for call in mock.calls)


def test_a_platform_without_organisation_offers_no_course(client, world):
    course = launch_from_course(world)
    Platform.objects.update(organisation=None)
    client.force_login(world["manager"])
    response = client.post(import_url(world["team"]), {"course": course.pk})
    assert "Aucun cours de plateforme n'est connu pour cette organisation" in text(response)


def test_a_refusing_platform_gets_a_clear_message_and_nothing_changes(client, world, mock):
    course = launch_from_course(world)
    mock.add(responses.POST, TOKEN_URL, json={"error": "invalid_client"}, status=401)
    client.force_login(world["manager"])
    response = client.post(import_url(world["team"]), {"course": course.pk})
    assert response.status_code == 200
    assert "La plateforme n'a pas donné la liste des participant·es de ce cours" in text(response)
    assert not world["team"].member_users().exists()


def test_a_forged_or_foreign_list_is_refused(client, world, mock):
    course = launch_from_course(world)
    client.force_login(world["manager"])
    forged = signing.dumps({"team": world["team"].pk, "course": course.pk, "learners": [["x", "", "", "Intrus"]]})
    response = client.post(import_url(world["team"]), {"liste": forged}, follow=True)
    assert "Cette liste a expiré ou n'est pas valide" in text(response)

    other_team = make_team(name="Promotion ES 2026", organisation="IRTS d'Ormelande", manager=world["manager"])
    foreign = roster.sign_entries(other_team, course, [roster.RosterEntry("etudiant-1", "Inès", "Moreau")])
    response = client.post(import_url(world["team"]), {"liste": foreign}, follow=True)
    assert "Cette liste a expiré ou n'est pas valide" in text(response)
    assert not User.objects.filter(lti_identities__sub__in=["x", "etudiant-1"]).exists()


def test_a_learner_cannot_open_the_import(client, world):
    client.force_login(make_user())
    assert client.get(import_url(world["team"])).status_code == 403


def test_member_list_is_read_defensively():
    members = [
        "pas un objet",
        member("a", "Ana\u0000", "Lopez\nDupont"),
        member("a", "Doublon", "Ignoré"),
        member("b", "Ben", "Aide", role="Learner", roles=[MEMBERSHIP + "Learner", MEMBERSHIP + "Instructor"]),
        {"user_id": "", "roles": [MEMBERSHIP + "Learner"]},
        {"user_id": "c", "roles": "Learner"},
        {"user_id": "d", "roles": [{"role": "Learner"}]},
    ]
    read = roster.read_members(members)
    assert [entry.sub for entry in read.learners] == ["a"]
    assert read.learners[0].given_name == "Ana" and read.learners[0].family_name == "Lopez Dupont"
    assert read.left_out == 3  # the teaching assistant, and two members whose roles cannot be read


def test_importing_takes_the_same_queries_for_five_or_forty_learners(world, django_assert_max_num_queries):
    course = launch_from_course(world)

    def entries(prefix, count):
        return [roster.RosterEntry(f"{prefix}-{index}", "Prénom", f"Nom {index}") for index in range(count)]

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as five:
        roster.import_roster(world["team"], course, entries("petit", 5), world["manager"])
    with django_assert_max_num_queries(len(five)):
        roster.import_roster(world["team"], course, entries("grand", 40), world["manager"])
    assert world["team"].member_users().count() == 45


def test_confirmation_list_carries_its_team_and_course(world):
    course = launch_from_course(world)
    token = roster.sign_entries(world["team"], course, [roster.RosterEntry("etudiant-1", "Inès", "Moreau")])
    course_id, entries = roster.entries_from(token, world["team"])
    assert course_id == course.pk and entries == [roster.RosterEntry("etudiant-1", "Inès", "Moreau")]
    assert json.loads(json.dumps(entries[0].as_list())) == ["etudiant-1", "Inès", "Moreau", ""]


def test_imported_accounts_show_no_placeholder_address_to_the_manager(client, world, mock):
    course = launch_from_course(world)
    roster.import_roster(world["team"], course, [roster.RosterEntry("etudiant-1", "Inès", "Moreau")], world["manager"])
    client.force_login(world["manager"])
    page = text(client.get(reverse("teams:members", args=[world["team"].pk])))
    assert "Inès Moreau" in page and "aucune (compte créé par une plateforme de formation)" in page
    assert "lti.invalid" not in page
    table = text(client.get(reverse("teams:matrix_export", args=[world["team"].pk, "csv"])))
    assert "Inès Moreau" in table and "lti.invalid" not in table


def test_reading_a_long_list_takes_a_bounded_number_of_queries(client, world, mock, django_assert_max_num_queries):
    course = launch_from_course(world)
    learners = [member(f"etudiant-{index}", "Prénom", f"Nom {index}") for index in range(120)]
    mock.add(responses.POST, TOKEN_URL, json={"access_token": "jeton-nrps", "expires_in": 60})
    mock.add(responses.GET, MEMBERS_URL, json={"members": learners})
    for index in range(0, 120, 3):  # a third of them launched Collectif before
        world["simulated"].launch(Client(), world["case"].url, sub=f"etudiant-{index}")
    client.force_login(world["manager"])
    with django_assert_max_num_queries(20):
        preview = read_list(client, world, course)
    assert text(preview).count("Compte créé pour l'équipe et ajouté") == 80


def test_a_trainer_of_the_team_imports_too_from_mon_espace(client, world, mock):
    course = launch_from_course(world)
    serve_member_list(mock)
    trainer = make_user(Role.TRAINER, display_name="Fanny Formatrice")
    world["team"].trainers.add(trainer)
    client.force_login(trainer)

    my_space = text(client.get(reverse("my_space")))
    assert "Les équipes que vous formez" in my_space and import_url(world["team"]) in my_space
    page = text(client.get(import_url(world["team"])))
    assert "Importer un fichier CSV" not in page  # the managers' team menu is not theirs
    preview = read_list(client, world, course)
    done = client.post(import_url(world["team"]), {"liste": payload_of(preview)}, follow=True)
    assert done.redirect_chain[-1][0] == import_url(world["team"])
    assert "3 personnes ajoutées" in text(done)
    assert world["team"].member_users().count() == 3
    entry = ModelLogEntry.objects.get(action=roster.IMPORTED)
    assert entry.user == trainer


def test_a_trainer_of_another_team_gets_nothing(client, world):
    launch_from_course(world)
    trainer = make_user(Role.TRAINER)
    make_team(name="Autre promotion", organisation="IRTS d'Ormelande").trainers.add(trainer)
    client.force_login(trainer)
    assert client.get(import_url(world["team"])).status_code == 404
    assert import_url(world["team"]) not in text(client.get(reverse("my_space")))
