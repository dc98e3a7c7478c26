"""The trainer's guide of a case: trainers, lead trainers and administrators read it; learners and managers never."""

import pytest
from django.urls import reverse

from tests.factories import make_case, make_course_trainer

pytestmark = pytest.mark.django_db

GUIDE = "<h3>Objectifs de la séance</h3><ul><li>Repérer la récurrence.</li></ul><p>Réponse attendue : d1.</p>"
SECRET = "Réponse attendue : d1."


@pytest.fixture
def guided_case():
    return make_case(trainer_guide=GUIDE)


@pytest.mark.parametrize("who", ["trainer", "lead_trainer", "admin_user"])
def test_trainers_read_the_guide_on_the_case_page(client, request, guided_case, who):
    client.force_login(request.getfixturevalue(who))
    body = client.get(guided_case.url).content.decode()
    assert "Guide du formateur" in body and SECRET in body


@pytest.mark.parametrize("who", ["learner", "manager"])
def test_learners_and_managers_never_see_it(client, request, guided_case, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(guided_case.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Guide du formateur" not in body and SECRET not in body
    # Nor through the trainers' report, where the guide is repeated.
    for name in ("cases:report", "cases:report_csv"):
        assert client.get(reverse(name, args=[guided_case.pk])).status_code in (403, 404)


def test_anonymous_visitors_never_see_it(client, guided_case):
    response = client.get(guided_case.url)
    assert SECRET not in response.content.decode()


def test_the_report_repeats_the_guide_for_the_case_trainer(client, trainer, learner, guided_case):
    from cases import play

    make_course_trainer(trainer, cases=[guided_case])
    play.start_attempt(learner, guided_case)
    client.force_login(trainer)
    body = client.get(reverse("cases:report", args=[guided_case.pk])).content.decode()
    assert "Guide du formateur" in body and SECRET in body


def test_a_case_without_guide_shows_no_empty_section(client, trainer):
    case = make_case()
    client.force_login(trainer)
    assert "Guide du formateur" not in client.get(case.url).content.decode()


def test_the_guide_is_not_searchable():
    from cases.models import CasePage

    assert "trainer_guide" not in {field.field_name for field in CasePage.search_fields}
