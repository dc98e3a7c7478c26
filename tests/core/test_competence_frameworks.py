"""Competence frameworks per diploma: the data migration keeps every tag, and each person reads the domain titles
of their diploma (their own, else their team's) on the course page, the case debrief and the team dashboard."""

import html

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.diplomas import framework_for
from cases.models import CaseAttempt
from cases.publishing import publish_case
from core import competences
from core.models import CompetenceDomain, CompetenceLabel, Framework
from quizzes.models import Question
from tests.factories import (
    five_node_graph,
    make_case,
    make_course,
    make_lesson,
    make_question,
    make_team,
    make_user,
)

pytestmark = pytest.mark.django_db

DEES_DC1 = "La relation éducative spécialisée"
DEASS_DC1 = "Intervention professionnelle en travail social"
DEEJE_DC1 = "Accueil et accompagnement du jeune enfant et de sa famille"
DC4 = "Dynamiques interinstitutionnelles, partenariats et réseaux"


def text(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def domain(code):
    return CompetenceDomain.objects.get(code=code)


def framework(code):
    return Framework.objects.get(code=code)


# --- The data ---------------------------------------------------------------------------------------------


def test_five_diplomas_title_the_four_domains_and_share_dc3_dc4():
    assert set(Framework.objects.values_list("code", flat=True)) >= {"DEASS", "DEES", "DEETS", "DECESF", "DEEJE"}
    for code in ["DEASS", "DEES", "DEETS", "DECESF", "DEEJE"]:
        titles = competences.labels_for(framework(code))
        assert len({titles[d.pk] for d in CompetenceDomain.objects.all()}) == 4, code
        assert titles[domain("DC4").pk] == DC4
        assert framework(code).is_official and "22 août 2018" in framework(code).source
    assert competences.labels_for(framework("DEES"))[domain("DC1").pk] == DEES_DC1
    assert competences.labels_for(framework("DEASS"))[domain("DC1").pk] == DEASS_DC1
    assert set(CompetenceDomain.objects.filter(is_common=True).values_list("code", flat=True)) == {"DC3", "DC4"}
    # Titles whose wording was not checked word for word say so; the DEASS and DEES ones were.
    assert not CompetenceLabel.objects.filter(framework__code__in=["DEASS", "DEES"], is_paraphrase=True).exists()
    assert CompetenceLabel.objects.filter(framework__code="DECESF", domain__code="DC1", is_paraphrase=True).exists()


def test_without_a_framework_a_domain_keeps_its_own_name():
    dc1 = domain("DC1")
    assert competences.title(dc1, competences.labels_for(None)) == dc1.name
    assert competences.display(dc1, competences.labels_for(framework("DEES"))) == f"DC1 · {DEES_DC1}"
    own = Framework.objects.create(code="IRTS-X", name="Référentiel de l'école", owner="IRTS X")
    assert competences.title(dc1, competences.labels_for(own)) == dc1.name  # a framework that titles no domain yet


@pytest.mark.django_db(transaction=True)  # SQLite alters a table only outside a transaction
def test_the_migrations_keep_every_tag_and_are_reversible():
    # A transactional test may start from tables another one emptied: the domains the migrations create come back.
    for code in ("DC1", "DC2", "DC3", "DC4"):
        CompetenceDomain.objects.get_or_create(code=code, defaults={"name": code})
    dc1, dc3 = domain("DC1"), domain("DC3")
    course = make_course(title="Module étiqueté", domains=[dc1, dc3])
    case = make_case(title="Cas étiqueté")
    case.domains = [dc3]
    publish_case(case)
    question = make_question()
    question.domains.set([dc1])
    question.save()  # a parental many-to-many is written on save
    before = {
        "course": set(course.domains.values_list("code", flat=True)),
        "case": set(case.domains.values_list("code", flat=True)),
        "question": set(question.domains.values_list("code", flat=True)),
    }

    call_command("migrate", "core", "0005_competence_frameworks", verbosity=0)
    assert not Framework.objects.exists() and not CompetenceDomain.objects.filter(is_common=True).exists()
    call_command("migrate", "core", "0004_worker_heartbeat", verbosity=0)
    call_command("migrate", verbosity=0)

    course.refresh_from_db()
    assert set(type(course).objects.get(pk=course.pk).domains.values_list("code", flat=True)) == before["course"]
    assert set(type(case).objects.get(pk=case.pk).domains.values_list("code", flat=True)) == before["case"]
    assert set(Question.objects.get(pk=question.pk).domains.values_list("code", flat=True)) == before["question"]
    assert CompetenceDomain.objects.get(pk=dc1.pk).code == "DC1"  # same rows: every tag still points at them
    assert competences.labels_for(framework("DEES"))[dc1.pk] == DEES_DC1


# --- Whose titles -------------------------------------------------------------------------------------------


def test_own_diploma_first_then_the_team_diploma(manager):
    dees_learner = make_user(diploma=framework("DEES"))
    plain = make_user()
    deass_in_dees_team = make_user(diploma=framework("DEASS"))
    team = make_team(manager=manager, members=[plain, deass_in_dees_team, dees_learner])
    assert framework_for(plain) is None
    team.diploma = framework("DEEJE")
    team.save()
    assert framework_for(plain) == framework("DEEJE")
    assert framework_for(deass_in_dees_team) == framework("DEASS")
    assert framework_for(dees_learner) == framework("DEES")
    assert framework_for(manager, team=team) == framework("DEEJE")


def test_the_account_page_lets_a_learner_choose_a_diploma(client, learner):
    client.force_login(learner)
    page = text(client.get(reverse("account_profile")))
    assert "Diplôme ou référentiel préparé" in page and "Diplôme d'État d'éducateur spécialisé" in page
    data = {"display_name": "Camille", "first_name": "", "last_name": "", "preferred_language": "fr"}
    response = client.post(reverse("account_profile"), {**data, "diploma": framework("DEES").pk})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.diploma == framework("DEES")
    client.post(reverse("account_profile"), {**data, "diploma": ""})
    learner.refresh_from_db()
    assert learner.diploma is None


# --- What they read ------------------------------------------------------------------------------------------


def test_course_page_titles_follow_the_learner_diploma(client):
    course = make_course(title="Module DC1", domains=[domain("DC1"), domain("DC4")])
    make_lesson(course)
    client.force_login(make_user(diploma=framework("DEES")))
    page = text(client.get(course.url))
    assert f"DC1 · {DEES_DC1}" in page and DEASS_DC1 not in page and f"DC4 · {DC4}" in page
    client.force_login(make_user(diploma=framework("DEASS")))
    page = text(client.get(course.url))
    assert f"DC1 · {DEASS_DC1}" in page and DEES_DC1 not in page


def test_course_page_uses_the_team_diploma_for_a_member_without_one(client, manager):
    course = make_course(title="Module DC1", domains=[domain("DC1")])
    make_lesson(course)
    member = make_user()
    team = make_team(manager=manager, members=[member])
    team.diploma = framework("DEEJE")
    team.save()
    client.force_login(member)
    assert f"DC1 · {DEEJE_DC1}" in text(client.get(course.url))


def play_to_the_end(client, case, choices=("bon1", "bon2", "bon3", "bon4", "bon5")):
    client.post(reverse("cases:start", args=[case.pk]))
    attempt = CaseAttempt.objects.filter(case=case).latest("started_at")
    for choice in choices:
        attempt.refresh_from_db()
        client.post(
            reverse("cases:play", args=[attempt.pk]),
            {
                "action": "decide",
                "step": attempt.decisions.count(),
                "node": attempt.current_node_key,
                "choice": choice,
                "justification": "Parce que le groupe doit décider.",
            },
        )
        client.post(reverse("cases:play", args=[attempt.pk]), {"action": "continue"})
    attempt.refresh_from_db()
    assert attempt.is_finished
    return attempt


@pytest.mark.parametrize(
    ("code", "expected", "absent"), [("DEES", DEES_DC1, DEASS_DC1), ("DEASS", DEASS_DC1, DEES_DC1)]
)
def test_case_page_and_debrief_titles_follow_the_learner_diploma(client, code, expected, absent):
    case = make_case(title="Cas étiqueté")
    case.domains = [domain("DC1")]
    publish_case(case)
    client.force_login(make_user(diploma=framework(code)))
    assert f"DC1 · {expected}" in text(client.get(case.url))
    attempt = play_to_the_end(client, case)
    debrief = text(client.get(reverse("cases:debrief", args=[attempt.pk])))
    assert "Domaines de compétences travaillés" in debrief
    assert f"DC1 · {expected}" in debrief and absent not in debrief


def test_team_dashboard_competence_map_titles_follow_the_reader_then_the_team(client):
    dees_manager = make_user(role="manager", diploma=framework("DEES"))
    plain_manager = make_user(role="manager")
    team = make_team(manager=dees_manager, members=[make_user()])
    make_team(manager=plain_manager)
    from teams.assigning import add_member
    from teams.models import Membership

    add_member(team, plain_manager, Membership.Role.MANAGER)
    team.diploma = framework("DEASS")
    team.save()
    url = reverse("teams:dashboard", args=[team.pk])

    client.force_login(dees_manager)
    response = client.get(url)
    rows = {row["code"]: row["label"] for row in response.context["competence"]}
    assert rows["DC1"] == f"DC1 · {DEES_DC1}"
    assert f"DC1 · {DEES_DC1}" in text(response) and "Intitulés des domaines : DEES" in text(response)

    client.force_login(plain_manager)  # no diploma of their own: the team's (and not the DEES figures cached above)
    response = client.get(url)
    rows = {row["code"]: row["label"] for row in response.context["competence"]}
    assert rows["DC1"] == f"DC1 · {DEASS_DC1}" and DEES_DC1 not in text(response)


def test_debrief_profiles_per_phase_and_per_weighted_domain(client):
    nodes = five_node_graph()
    nodes[0][1]["choices"][0].update(competence=domain("DC1"), competence_weight=2)  # bon1
    nodes[1][1]["choices"][1].update(competence=domain("DC1"), competence_weight=1)  # mauvais2
    nodes[2][1]["choices"][0].update(competence=domain("DC4"))  # bon3, weight left empty: 1
    case = make_case(title="Cas pondéré", nodes=nodes)
    client.force_login(make_user(diploma=framework("DEES")))
    attempt = play_to_the_end(client, case, choices=["bon1", "mauvais2", "bon3", "bon4", "bon5"])
    response = client.get(reverse("cases:debrief", args=[attempt.pk]))
    page = text(response)

    phases = {row["label"]: row for row in response.context["phase_profile"]}
    assert phases["Mobilisation des personnes et des partenaires"]["percent"] == 0
    assert phases["Diagnostic partagé"] == {
        "label": "Diagnostic partagé",
        "decisions": 1,
        "points": 10,
        "possible": 10,
        "percent": 100,
    }
    domains = {row["domain"].code: row for row in response.context["domain_profile"]}
    assert set(domains) == {"DC1", "DC4"}  # DC2 and DC3: no choice exercises them
    assert (domains["DC1"]["decisions"], domains["DC1"]["points"], domains["DC1"]["possible"]) == (2, 20, 30)
    assert domains["DC1"]["percent"] == 67 and domains["DC4"]["percent"] == 100
    # A table with a caption, the numbers in words and figures, the titles of the learner's diploma.
    assert "Profil par phase de l'intervention sociale d'intérêt collectif" in page
    assert "Profil par domaine de compétences" in page
    assert f"DC1 · {DEES_DC1}" in page and "67 %" in page


def test_a_choice_without_competence_adds_nothing_to_the_domain_profile(client, learner):
    case = make_case(title="Cas sans pondération")
    client.force_login(learner)
    attempt = play_to_the_end(client, case)
    response = client.get(reverse("cases:debrief", args=[attempt.pk]))
    assert response.context["domain_profile"] == [] and len(response.context["phase_profile"]) == 5
    assert "Profil par domaine de compétences" not in text(response)


def test_the_diploma_is_in_the_personal_data_export():
    from accounts.personal_data import export_data

    person = make_user(diploma=framework("DEES"))
    assert export_data(person)["sections"]["profil"]["diploma"] == str(framework("DEES"))
    assert export_data(make_user())["sections"]["profil"]["diploma"] == ""


def test_the_admin_says_which_titles_are_paraphrased(client, admin_user):
    client.force_login(admin_user)
    listing = text(client.get(reverse("wagtailsnippets_core_framework:list")))
    assert "DEES" in listing and "DECESF" in listing
    page = text(client.get(reverse("wagtailsnippets_core_framework:edit", args=[framework("DECESF").pk])))
    assert "Reformulé" in page and "pas encore vérifié mot pour mot" in page
    assert "Conseil et expertise à visée socio-éducative" in page


def test_the_trainer_report_sums_the_weighted_domain_profile_over_the_group(client):
    """Two learners on the weighted case: the report's DC1 row is the sum of their debriefs' DC1 rows."""
    from cases import report

    nodes = five_node_graph()
    nodes[0][1]["choices"][0].update(competence=domain("DC1"), competence_weight=2)  # bon1
    nodes[1][1]["choices"][1].update(competence=domain("DC1"), competence_weight=1)  # mauvais2
    case = make_case(title="Cas pondéré du groupe", nodes=nodes)
    debriefs = []
    for choices in (["bon1", "mauvais2", "bon3", "bon4", "bon5"], ["bon1", "bon2", "bon3", "bon4", "bon5"]):
        client.force_login(make_user())
        attempt = play_to_the_end(client, case, choices=choices)
        debriefs.append(client.get(reverse("cases:debrief", args=[attempt.pk])).context["domain_profile"])
    (dc1,) = report.case_report(case)["domain_profile"]
    mine = [row for profile in debriefs for row in profile if row["domain"].code == "DC1"]
    assert dc1["domain"].code == "DC1"
    assert (dc1["decisions"], dc1["points"], dc1["possible"]) == (
        sum(row["decisions"] for row in mine),
        sum(row["points"] for row in mine),
        sum(row["possible"] for row in mine),
    )


def test_catalogue_cards_name_the_domains_in_the_reader_diploma(client):
    """Cards are cached for every reader of a diploma: each diploma gets its own, and changing one's diploma on
    « Mon compte » shows its titles at once."""
    course = make_course(title="Module DC1", domains=[domain("DC1")])
    make_lesson(course)
    learner = make_user(diploma=framework("DEES"))
    client.force_login(learner)
    assert f'title="{DEES_DC1}"' in text(client.get("/formations/"))
    learner.diploma = framework("DEASS")
    learner.save()
    page = text(client.get("/formations/"))
    assert f'title="{DEASS_DC1}"' in page and DEES_DC1 not in page
    client.logout()
    assert f'title="{domain("DC1").name}"' in text(client.get("/formations/"))


def test_case_list_names_the_domains_in_the_reader_diploma(client):
    case = make_case(title="Cas DC1")
    case.domains.set([domain("DC1")])
    case.save_revision().publish()
    client.force_login(make_user(diploma=framework("DEES")))
    assert f'<abbr title="{DEES_DC1}">DC1</abbr>' in text(client.get(case.get_parent().url))
