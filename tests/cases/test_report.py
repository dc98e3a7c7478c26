"""The trainers' reasoning report: access, distribution after three learners, CSV, bounded queries."""

import csv
import html
import io

import pytest
from django.urls import reverse

from accounts.permissions import Role
from cases import play
from tests.factories import make_case, make_user

pytestmark = pytest.mark.django_db


def play_path(user, case, choices, justification="Ma raison de choisir ainsi."):
    attempt = play.start_attempt(user, case)
    for step, choice in enumerate(choices):
        attempt.refresh_from_db()
        play.decide(attempt, step=step, node_key=f"d{step + 1}", choice_key=choice, justification=justification)
        play.continue_attempt(attempt)
    return attempt


@pytest.fixture
def played_case(learner, other_learner, trainer):
    case = make_case(owner=trainer)  # the trainer wrote it: they read everyone's reasoning (see test_report_scope)
    third = make_user(Role.LEARNER, display_name="Alex Troisième")
    play_path(learner, case, ["bon1", "bon2", "bon3", "bon4", "bon5"], "Le groupe décide lui-même.")
    play_path(other_learner, case, ["mauvais1", "bon2", "mauvais3", "bon4", "bon5"], "Cela va plus vite.")
    play_path(third, case, ["mauvais1", "mauvais2", "bon3", "bon4", "mauvais5"], "Je préfère agir seul.")
    return case


def test_learners_and_managers_are_refused(client, learner, manager, played_case):
    url = reverse("cases:report", args=[played_case.pk])
    for user in (learner, manager):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.get(reverse("cases:report_csv", args=[played_case.pk])).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_report_shows_the_distribution_after_three_learners(client, trainer, played_case):
    client.force_login(trainer)
    response = client.get(reverse("cases:report", args=[played_case.pk]))
    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    report = response.context
    d1 = next(node for node in report["nodes"] if node["key"] == "d1")
    assert d1["total"] == 3
    assert [(c["key"], c["count"], c["percent"]) for c in d1["choices"]] == [("bon1", 1, 33), ("mauvais1", 2, 67)]
    assert d1["median_seconds"] is not None
    assert report["learners"] == 3 and report["completed"] == 3 and report["decisions"] == 15
    # The most frequent wrong turn comes first.
    assert report["wrong_turns"][0]["choice"]["key"] == "mauvais1"
    assert "<svg" in body and "<caption>Choix faits à l'étape « Décision 1 »</caption>" in body
    assert "2 (67 %)" in body and "Fausse piste 1 — À éviter" in body
    assert "Les détours les plus fréquents" in body
    assert "Je préfère agir seul." in body and "Alex Troisième" in body


def test_csv_exports(client, lead_trainer, played_case):
    client.force_login(lead_trainer)
    response = client.get(reverse("cases:report_csv", args=[played_case.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "etape"
    assert rows[2][:8] == [
        "d1",
        "Décision 1",
        "Diagnostic partagé",
        "mauvais1",
        "Fausse piste 1",
        "À éviter",
        "2",
        "67",
    ]
    response = client.get(reverse("cases:report_csv", args=[played_case.pk]) + "?contenu=decisions")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 16 and rows[0][-1] == "justification"


def test_csv_neutralises_formulas(client, trainer, learner):
    case = make_case(owner=trainer)
    play_path(learner, case, ["bon1"], '=HYPERLINK("http://exemple.test")')
    client.force_login(trainer)
    content = client.get(reverse("cases:report_csv", args=[case.pk]) + "?contenu=decisions").content.decode()
    assert "'=HYPERLINK" in content


def test_report_query_count_does_not_grow_with_learners(client, trainer, played_case, django_assert_max_num_queries):
    client.force_login(trainer)
    url = reverse("cases:report", args=[played_case.pk])
    client.get(url)
    with django_assert_max_num_queries(15):
        client.get(url)
    for index in range(4):
        play_path(make_user(Role.LEARNER), played_case, ["bon1", "mauvais2", "bon3", "mauvais4", "bon5"][: index + 1])
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200


def test_case_pages_and_my_space_queries_are_bounded(client, learner, played_case, django_assert_max_num_queries):
    client.force_login(learner)
    client.get(played_case.url)
    with django_assert_max_num_queries(20):
        assert client.get(played_case.url).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(reverse("my_space")).status_code == 200
    attempt = play.start_attempt(learner, played_case)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("cases:play", args=[attempt.pk])).status_code == 200
