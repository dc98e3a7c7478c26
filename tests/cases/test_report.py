"""The trainers' reasoning report: access, distribution after three learners, CSV, bounded queries."""

import csv
import html
import io

import pytest
from django.urls import reverse

from accounts.permissions import Role
from cases import play
from tests.factories import make_case, make_course_trainer, make_user

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
    case = make_case()
    make_course_trainer(trainer, cases=[case])  # they read everyone's reasoning (see test_report_scope)
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
    case = make_case()
    make_course_trainer(trainer, cases=[case])
    play_path(learner, case, ["bon1"], '=HYPERLINK("http://exemple.test")')
    client.force_login(trainer)
    content = client.get(reverse("cases:report_csv", args=[case.pk]) + "?contenu=decisions").content.decode()
    assert "'=HYPERLINK" in content


def test_report_query_count_does_not_grow_with_learners(client, trainer, played_case, django_assert_max_num_queries):
    # 18: the figures, plus three aggregates (words per justification, the group profile per phase and per choice).
    client.force_login(trainer)
    url = reverse("cases:report", args=[played_case.pk])
    client.get(url)
    with django_assert_max_num_queries(18):
        client.get(url)
    for index in range(4):
        play_path(make_user(Role.LEARNER), played_case, ["bon1", "mauvais2", "bon3", "mauvais4", "bon5"][: index + 1])
    with django_assert_max_num_queries(18):
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


def test_medians_and_newest_justifications_come_from_the_database(learner, other_learner, played_case):
    from cases import report
    from cases.models import CaseDecision

    seconds = {"Camille": [10, 20, 30, 40, 50], "Sacha": [70, 20, 30, 40, 50], "Alex": [40, 20, 30, 40, 50]}
    for decision in CaseDecision.objects.select_related("attempt__user"):
        first_name = decision.attempt.user.get_display_name().split()[0]
        decision.time_spent_seconds = seconds[first_name][decision.step]
        decision.save(update_fields=["time_spent_seconds"])
    data = report.case_report(played_case)
    medians = {node["key"]: node["median_seconds"] for node in data["nodes"]}
    assert medians["d1"] == 40  # 10, 40, 70: the middle one
    assert report.median_seconds(CaseDecision.objects.filter(node_key="d1").exclude(time_spent_seconds=40)) == {
        "d1": 40  # 10 and 70: the mean of the two middle ones
    }
    # Only the newest justifications of each choice are shown, and the page says that the CSV has them all.
    grouped = report.justifications(played_case, per_choice=1)
    assert [d["justification"] for d in grouped[("d1", "mauvais1")]] == ["Je préfère agir seul."]
    d1 = next(node for node in data["nodes"] if node["key"] == "d1")
    assert next(c for c in d1["choices"] if c["key"] == "mauvais1")["justified"] == 2


def test_the_cached_report_shows_a_new_decision_at_once(client, trainer, played_case, learner):
    client.force_login(trainer)
    url = reverse("cases:report", args=[played_case.pk])
    first = client.get(url).context
    assert first["decisions"] == 15 and first["attempts"] == 3
    assert client.get(url).context["decisions"] == 15  # served from the cache

    attempt = play.start_attempt(learner, played_case)  # a second attempt: counted at once
    assert client.get(url).context["attempts"] == 4
    play.decide(attempt, step=0, node_key="d1", choice_key="bon1", justification="Cette fois, avec le groupe.")
    second = client.get(url)
    assert second.context["decisions"] == 16
    assert "Cette fois, avec le groupe." in html.unescape(second.content.decode())


def test_justification_length_and_the_groups_profile_per_phase(client, trainer, played_case):
    """Item analysis for cases (issue 17): words per justification at each node, and the debrief's profile summed
    over the group."""
    from cases import report
    from cases.models import CaseDecision

    first = CaseDecision.objects.order_by("pk").first()
    CaseDecision.objects.filter(node_key=first.node_key).update(justification="")
    CaseDecision.objects.filter(pk=first.pk).update(justification="un deux trois quatre")
    data = report.case_report(played_case)
    node = next(n for n in data["nodes"] if n["key"] == first.node_key)
    assert node["justification_words"] == 4.0
    decisions = CaseDecision.objects.filter(attempt__case=played_case)
    assert sum(row["decisions"] for row in data["phase_profile"]) == decisions.count()
    assert sum(row["points"] for row in data["phase_profile"]) == sum(d.score for d in decisions)
    client.force_login(trainer)
    page = client.get(reverse("cases:report", args=[played_case.pk])).content.decode()
    assert "Profil du groupe" in page and "justifications : 4 mots en moyenne" in page
