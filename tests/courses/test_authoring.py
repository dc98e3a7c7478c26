"""Authoring: page tree rules, catalogue permissions, the moderation workflow, previews and revisions."""

import pytest
from django.core.exceptions import ValidationError
from django.utils.html import escape
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import querydict_from_html

from courses.models import CourseIndexPage, CoursePage, LessonPage
from home.models import HomePage
from progress import api as progress
from tests.factories import complete_given_lessons, make_catalogue, make_course, make_lesson

pytestmark = pytest.mark.django_db

STREAM_WITH_A_HEADING = {
    "body-count": "1",
    "body-0-type": "heading",
    "body-0-deleted": "",
    "body-0-order": "0",
    "body-0-id": "",
    "body-0-value-text": "Titre ajouté en prévisualisation",
    "body-0-value-level": "h2",
}


def test_page_tree_rules():
    assert set(CourseIndexPage.allowed_parent_page_models()) == {HomePage}
    assert set(CourseIndexPage.allowed_subpage_models()) == {CoursePage}
    assert set(CoursePage.allowed_parent_page_models()) == {CourseIndexPage}
    assert set(CoursePage.allowed_subpage_models()) == {LessonPage}
    assert set(LessonPage.allowed_parent_page_models()) == {CoursePage}
    assert LessonPage.allowed_subpage_models() == []
    home = HomePage.objects.first()
    assert not CoursePage.can_create_at(home)
    assert not LessonPage.can_create_at(make_catalogue())


def test_migration_creates_the_catalogue_under_the_home_page():
    catalogue = CourseIndexPage.objects.get()
    assert catalogue.title == "Formations" and catalogue.slug == "formations" and catalogue.live
    assert catalogue.get_parent().specific_class is HomePage
    assert catalogue.url == "/formations/"


def test_trainers_author_and_lead_trainers_publish(trainer, lead_trainer, learner):
    catalogue = make_catalogue()
    for_trainer = catalogue.permissions_for_user(trainer)
    assert for_trainer.can_add_subpage() and for_trainer.can_edit()
    assert not for_trainer.can_publish() and not for_trainer.can_publish_subpage()
    for_lead = catalogue.permissions_for_user(lead_trainer)
    assert for_lead.can_add_subpage() and for_lead.can_publish_subpage()
    assert not catalogue.permissions_for_user(learner).can_add_subpage()
    # Nobody but administrators authors elsewhere in the tree.
    assert not HomePage.objects.first().permissions_for_user(trainer).can_add_subpage()


def test_workflow_submitted_by_a_trainer_is_approved_by_a_lead_trainer(trainer, lead_trainer):
    catalogue = make_catalogue()
    course = CoursePage(title="Module soumis", summary="Résumé", objectives="<ul><li>Objectif</li></ul>")
    catalogue.add_child(instance=course)
    course.save_revision(user=trainer)
    workflow = course.get_workflow()
    assert workflow.name == "Validation des formations"
    assert Workflow.objects.filter(workflow_pages__page=catalogue).get() == workflow

    state = workflow.start(course, trainer)
    task = state.current_task_state.task.specific
    assert not task.get_actions(course, trainer)  # the author cannot approve their own submission
    assert "approve" in [name for name, *_ in task.get_actions(course, lead_trainer)]
    task.on_action(state.current_task_state, lead_trainer, "approve")

    course.refresh_from_db()
    assert course.live
    # A later edit is a new revision: the published one is kept and stays live until approved.
    course.summary = "Résumé retravaillé"
    course.save_revision(user=trainer)
    assert course.revisions.count() == 2
    assert CoursePage.objects.get(pk=course.pk).summary == "Résumé"


def test_trainer_can_create_a_course_in_the_admin(client, trainer):
    client.force_login(trainer)
    catalogue = make_catalogue()
    response = client.get(f"/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data["title"] = "Animer un groupe d'habitants"
    data["slug"] = "animer-un-groupe"
    data["summary"] = "Premiers pas dans l'animation d'un groupe."
    data["objectives"] = '{"blocks": [{"key": "a", "type": "unstyled", "text": "Animer", "depth": 0, ' + (
        '"inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}'
    )
    data["action-submit"] = "1"
    response = client.post(f"/admin/pages/add/courses/coursepage/{catalogue.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    course = CoursePage.objects.get(slug="animer-un-groupe")
    assert not course.live
    assert course.current_workflow_state and course.current_workflow_state.status == "in_progress"


def test_cover_image_needs_alternative_text():
    course = CoursePage(title="Avec image", summary="r", objectives="<p>o</p>", cover_image_id=1, cover_alt=" ")
    with pytest.raises(ValidationError) as error:
        course.clean()
    assert "cover_alt" in error.value.message_dict


@pytest.mark.parametrize("kind", ["catalogue", "course", "lesson"])
def test_preview_works_for_every_page_type(client, admin_user, kind):
    course = make_course()
    lesson = make_lesson(course, "Diagnostic partagé")
    page = {"catalogue": make_catalogue(), "course": course, "lesson": lesson}[kind]
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    if kind == "lesson":  # the StreamField is drawn by JavaScript: post one heading block as the editor would
        data.update(STREAM_WITH_A_HEADING)
    preview = f"/admin/pages/{page.pk}/edit/preview/"
    assert client.post(preview, data).json() == {"is_valid": True, "is_available": True}
    response = client.get(preview)
    assert response.status_code == 200
    assert escape(page.title) in response.content.decode()
    if kind == "lesson":
        assert "Titre ajouté en prévisualisation" in response.content.decode()


def test_preview_of_a_new_course_before_its_first_save(client, admin_user):
    catalogue = make_catalogue()
    client.force_login(admin_user)
    url = f"/admin/pages/add/courses/coursepage/{catalogue.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update({"title": "Brouillon neuf", "slug": "brouillon-neuf", "summary": "Résumé"})
    preview = f"/admin/pages/add/courses/coursepage/{catalogue.pk}/preview/"
    client.post(preview, data)
    response = client.get(preview)
    assert response.status_code == 200 and "Brouillon neuf" in response.content.decode()


def test_editing_and_reordering_a_published_lesson_keeps_progress(learner):
    course = make_course()
    first, second = make_lesson(course, "Un"), make_lesson(course, "Deux")
    progress.enrol(learner, course)
    complete_given_lessons(learner, first)
    first.title = "Un, réécrite"
    first.save_revision().publish()
    first.move(second, pos="right")  # now after "Deux"
    assert progress.completed_keys(learner, [first.activity_key]) == {first.activity_key}
    assert Page.objects.get(pk=first.pk).title == "Un, réécrite"
