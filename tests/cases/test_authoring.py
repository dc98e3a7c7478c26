"""Authoring cases in the Wagtail admin: page tree, publication refused for an unsound graph, diagram preview."""

import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cases.blocks import CaseBlock, CaseGraphBlock, RoleCardBlock
from cases.models import CaseIndexPage, CasePage
from cases.publishing import CaseNotPublishable, publish_case
from home.models import HomePage
from tests.factories import case_choice, case_decision, five_node_graph, make_case, make_course_trainer

pytestmark = pytest.mark.django_db

ORPHAN = case_decision("orpheline", [case_choice("a", "fin-bonne"), case_choice("b", "d2")], title="Étape isolée")


def text(response):
    return html.unescape(response.content.decode())


def listblock(items):
    data = {"count": len(items)}
    for index, item in enumerate(items):
        data[str(index)] = {"value": item, "deleted": "", "order": index, "id": ""}
    return data


def node_form_value(block_type, value):
    value = dict(value)
    if block_type == "decision":
        value["situation"] = rich_text(value["situation"])
        value["is_start"] = "on" if value["is_start"] else ""
        value["documents"] = listblock([])
        value["choices"] = listblock([dict(choice) for choice in value["choices"]])
    else:
        value["debrief"] = rich_text(value["debrief"])
    return (block_type, value)


def edit_data(case, nodes, action):
    data = nested_form_data(
        {
            "title": case.title,
            "slug": case.slug,
            "summary": case.summary,
            "territory": case.territory,
            "situation": rich_text("<p>Situation</p>"),
            "people": streamfield([]),
            "objectives": rich_text("<p>Objectifs</p>"),
            "justification_required": "on",
            "justification_min_length": 10,
            "reflection_prompt": "",
            "nodes": streamfield([node_form_value(t, v) for t, v in nodes]),
            "comments": inline_formset([]),
        }
    )
    if action:
        data[action] = "action"
    return data


def test_page_tree_rules():
    assert CaseIndexPage.objects.get().get_parent().specific_class is HomePage
    assert CaseIndexPage.objects.get().slug == "cas"
    assert CasePage.parent_page_types == ["cases.CaseIndexPage"]
    assert CasePage.subpage_types == []
    assert CaseIndexPage.can_create_at(HomePage.objects.get()) is False  # max_count: the one from the migration


def test_publish_service_refuses_an_unreachable_node():
    case = make_case(live=False, nodes=five_node_graph() + [ORPHAN])
    with pytest.raises(CaseNotPublishable) as error:
        publish_case(case)
    assert any("« orpheline »" in message for message in error.value.messages)
    # Every publication path goes through CasePage.publish: a revision cannot be published either.
    with pytest.raises(ValidationError):
        case.save_revision().publish()
    case.refresh_from_db()
    assert not case.live


def test_admin_saves_an_incomplete_draft_but_refuses_to_publish_it(client, trainer):
    case = make_case(live=False, nodes=five_node_graph())
    make_course_trainer(trainer, cases=[case])  # a course trainer of its course: the report button shows
    client.force_login(trainer)
    url = reverse("wagtailadmin_pages:edit", args=[case.pk])
    edit_page = client.get(url)
    assert edit_page.status_code == 200
    assert reverse("cases:report", args=[case.pk]) in edit_page.content.decode()

    response = client.post(url, edit_data(case, five_node_graph() + [ORPHAN], "action-publish"))
    assert response.status_code == 200
    body = text(response)
    assert "L'étape « orpheline » (Étape isolée) n'est accessible par aucun chemin depuis le départ." in body
    case.refresh_from_db()
    assert not case.live

    response = client.post(url, edit_data(case, five_node_graph() + [ORPHAN], None))
    assert response.status_code == 302
    case.refresh_from_db()
    assert not case.live and len(case.get_latest_revision_as_object().nodes) == 8

    response = client.post(url, edit_data(case, five_node_graph(), "action-publish"))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.live and len(case.nodes) == 7


def test_trainer_can_add_a_case_under_the_case_index(client, trainer):
    client.force_login(trainer)
    index = CaseIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=["cases", "casepage", index.pk])
    assert client.get(url).status_code == 200


def test_diagram_preview_shows_mermaid_table_and_errors(client, admin_user):
    case = make_case(live=False, nodes=five_node_graph() + [ORPHAN])
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[case.pk])
    client.post(url, edit_data(case, five_node_graph() + [ORPHAN], None))
    response = client.get(url + "?mode=diagram")
    body = text(response)
    assert response.status_code == 200
    assert "vendor/mermaid/mermaid.min.js" in body and "flowchart TD" in body
    assert "Ce cas ne peut pas encore être publié" in body and "« orpheline »" in body
    assert "<caption>Étapes, choix et destinations</caption>" in body
    assert "'unsafe-eval'" in response["Content-Security-Policy"]


def test_preview_while_adding_a_case(client, trainer):
    from cases.models import CaseIndexPage

    client.force_login(trainer)
    index = CaseIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:preview_on_add", args=["cases", "casepage", index.pk])
    draft = CasePage(title="Nouveau cas", slug="nouveau-cas", summary="Résumé", territory="Quartier")
    client.post(url, edit_data(draft, five_node_graph(), None))
    assert "Le graphe est valide" in text(client.get(url + "?mode=diagram"))
    page = text(client.get(url))
    assert "Nouveau cas" in page and "une fois enregistré et publié" in page


def test_diagram_preview_of_a_valid_case(client, admin_user):
    case = make_case()
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[case.pk])
    client.post(url, edit_data(case, five_node_graph(), None))
    body = text(client.get(url + "?mode=diagram"))
    assert "Le graphe est valide" in body and "Bonne idée 1" in body


def test_case_block_and_role_card_render_from_their_preview_values(learner, rf):
    case = make_case()
    block = CaseBlock()
    value = block.to_python({"case": case.pk, "introduction": "À jouer avant la séance.", "required": True})
    assert block.activity_key(value) == f"case:{case.pk}" and block.is_required(value)
    request = rf.get("/")
    request.user = learner
    rendered = html.unescape(block.render(value, {"request": request}))
    assert case.title in rendered and "Activité obligatoire" in rendered
    assert "Mme Diallo" in RoleCardBlock().render(RoleCardBlock().to_python(RoleCardBlock().meta.preview_value))
    preview = CaseBlock().to_python(CaseBlock().meta.preview_value)
    assert "pas disponible" in html.unescape(CaseBlock().render(preview, {}))


def test_case_block_counts_toward_lesson_completion(learner):
    from cases import play
    from progress.api import completed_keys
    from progress.models import LessonActivity
    from tests.factories import make_course, make_lesson

    case = make_case()
    lesson = make_lesson(
        make_course(), body=[("case", {"case": case, "introduction": "", "required": True})], title="Leçon cas"
    )
    assert LessonActivity.objects.filter(lesson=lesson, activity_key=f"case:{case.pk}", required=True).exists()
    attempt = play.start_attempt(learner, case)
    for step, key in enumerate(["bon1", "bon2", "bon3", "bon4", "bon5"]):
        attempt.refresh_from_db()
        play.decide(attempt, step=step, node_key=f"d{step + 1}", choice_key=key, justification="Une raison.")
        play.continue_attempt(attempt)
    assert f"lesson:{lesson.pk}" in completed_keys(learner, [f"lesson:{lesson.pk}"])


def test_graph_block_value_round_trips():
    value = StreamValue(CaseGraphBlock(), five_node_graph())
    raw = CaseGraphBlock().get_prep_value(value)
    assert CaseGraphBlock().to_python(raw)[0].value["choices"][0]["key"] == "bon1"


def test_moderation_button_speaks_french(client, trainer):
    """Wagtail's default workflow (root page: cases, quiz pages) was « Moderators approval »."""
    case = make_case(live=False, nodes=five_node_graph())
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[case.pk])).content.decode()
    assert "Moderators approval" not in html
    assert "Soumettre à Validation des contenus" in html
