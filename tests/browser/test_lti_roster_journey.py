"""A manager imports the learners of a platform course (LTI Names and Role Provisioning) into a team, in the
browser and with the keyboard: choose the course, read the list from the simulated platform, check it, confirm."""

import pytest
import responses
from django.utils import timezone

from lti.models import LtiCourse
from tests.a11y import assert_no_axe_violations
from tests.factories import make_team
from tests.lti.platform_kit import ISSUER, SimulatedPlatform

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEMBERS_URL = f"{ISSUER}/mod/lti/services.php/cours-12/bindings/3/memberships"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"


def member(user_id, given, family, role=LEARNER):
    return {"user_id": user_id, "given_name": given, "family_name": family, "roles": [role], "status": "Active"}


def test_manager_imports_a_platform_course_into_the_team(manager, page_as, live_server):
    team = make_team(name="Promotion ASS 2026", organisation="IRTS d'Ormelande", manager=manager)
    platform = SimulatedPlatform().register()
    platform.organisation = team.organisation
    platform.save()
    LtiCourse.objects.create(
        platform=platform,
        context_id="cours-12",
        title="Intervention sociale collective",
        memberships_url=MEMBERS_URL,
        last_launch_at=timezone.now(),
    )
    page = page_as(manager)

    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        mock.add(responses.POST, f"{ISSUER}/mod/lti/token.php", json={"access_token": "jeton", "expires_in": 60})
        mock.add(
            responses.GET,
            MEMBERS_URL,
            json={
                "members": [
                    member("etudiant-1", "Inès", "Moreau"),
                    member("etudiant-2", "Yanis", "Baptiste"),
                    member("enseignant-1", "Claire", "Dubois", role=INSTRUCTOR),
                ]
            },
        )
        page.goto(f"{live_server.url}/equipes/{team.pk}/")
        page.get_by_role("link", name="Importer depuis une plateforme").first.click()
        page.get_by_label("Intervention sociale collective — Moodle de test", exact=False).focus()
        page.keyboard.press("Space")
        assert_no_axe_violations(page)
        page.get_by_role("button", name="Lire la liste des participant·es").focus()
        page.keyboard.press("Enter")

        table = page.get_by_role("table", name="Ce que l'import fera pour chaque personne")
        table.wait_for()
        assert "Inès Moreau" in table.inner_text() and "Claire Dubois" not in table.inner_text()
        assert_no_axe_violations(page)
        page.get_by_role("button", name="Confirmer : 2 ajout(s), 0 invitation(s)").click()

    page.get_by_text("2 personnes ajoutées").wait_for()
    assert "aucune (compte créé par une plateforme de formation)" in page.content()
    assert_no_axe_violations(page)  # the members page, with its team diploma form
    assert sorted(team.member_users().values_list("display_name", flat=True)) == ["Inès Moreau", "Yanis Baptiste"]
