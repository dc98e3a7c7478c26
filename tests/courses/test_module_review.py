"""Moderation by module (issue 24, item 3): one submission, one review, one decision and one e-mail each, instead of
a submission, an approval and three e-mails per page."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, Workflow

from accounts.permissions import Role
from cases.models import CasePage
from courses import moderation
from courses.models import ModuleReview
from tests.factories import (
    make_all_types,
    make_case,
    make_course,
    make_course_trainer,
    make_lesson,
    make_quiz,
    make_quiz_page,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(trainer):
    """A published module whose two lessons and embedded case each have an unpublished draft by the trainer, who
    is the module's course trainer. The course page itself has no change."""
    case = make_case(title="Le cas de la réunion")
    course = make_course(title="Agir avec les habitants")
    first = make_lesson(course, title="Leçon 1", body=[("case", {"case": case, "introduction": "", "required": True})])
    second = make_lesson(course, title="Leçon 2")
    make_course_trainer(trainer, course=course)
    for page, title in ((first, "Leçon 1 revue"), (second, "Leçon 2 revue"), (case, "Le cas revu")):
        page.title = title
        page.save_revision(user=trainer)
    make_lesson(make_course(title="Un autre module"), title="Hors module").save_revision(user=trainer)
    return {"course": course, "lessons": [first, second], "case": case}


def submit_url(course):
    return reverse("courses_module_reviews:submit", args=[course.pk])


def submitted(client, trainer, module):
    client.force_login(trainer)
    response = client.post(submit_url(module["course"]))
    assert response.status_code == 302, response.content[:500]
    return ModuleReview.objects.get()


def live_titles(module):
    pages = [*module["lessons"], module["case"]]
    return [Page.objects.get(pk=page.pk).title for page in pages]


def test_one_submission_collects_the_changed_lessons_and_the_embedded_case(client, trainer, lead_trainer, module):
    client.force_login(trainer)
    confirmation = client.get(submit_url(module["course"])).content.decode()
    assert "Leçon 1 revue" in confirmation and "Le cas revu" in confirmation and "Hors module" not in confirmation
    review = submitted(client, trainer, module)
    pages = {int(revision.object_id) for revision in review.revisions.all()}
    assert pages == {module["lessons"][0].pk, module["lessons"][1].pk, module["case"].pk}
    assert review.status == ModuleReview.Status.PENDING and review.submitted_by == trainer
    assert [message.to for message in mail.outbox] == [[lead_trainer.email]]
    assert "Agir avec les habitants" in mail.outbox[0].subject and "Le cas revu" in mail.outbox[0].body
    # A second click makes no second review.
    client.post(submit_url(module["course"]))
    assert ModuleReview.objects.count() == 1 and len(mail.outbox) == 1


def test_approval_publishes_every_page_once_with_one_email(client, trainer, lead_trainer, module):
    review = submitted(client, trainer, module)
    mail.outbox.clear()
    client.force_login(lead_trainer)
    detail = client.get(reverse("courses_module_reviews:detail", args=[review.pk]))
    assert detail.status_code == 200
    body = detail.content.decode()
    assert all(title in body for title in ("Leçon 1 revue", "Leçon 2 revue", "Le cas revu"))
    assert "Comparer avec la version en ligne" in body and "Cas pratique" in body
    assert live_titles(module) == ["Leçon 1", "Leçon 2", "Le cas de la réunion"]

    client.post(reverse("courses_module_reviews:approve", args=[review.pk]), {"comment": "Très clair."})

    assert live_titles(module) == ["Leçon 1 revue", "Leçon 2 revue", "Le cas revu"]
    pages = [Page.objects.get(pk=page.pk) for page in [*module["lessons"], module["case"]]]
    assert not any(page.has_unpublished_changes for page in pages)
    review.refresh_from_db()
    assert review.status == ModuleReview.Status.APPROVED and review.decided_by == lead_trainer
    assert [message.to for message in mail.outbox] == [[trainer.email]]
    assert "approuvé" in mail.outbox[0].subject and "Très clair." in mail.outbox[0].body
    # Decided once: a second approval changes nothing and sends nothing.
    client.post(reverse("courses_module_reviews:approve", args=[review.pk]))
    assert len(mail.outbox) == 1


def test_rejection_keeps_the_drafts_and_sends_the_comment(client, trainer, lead_trainer, module):
    review = submitted(client, trainer, module)
    mail.outbox.clear()
    client.force_login(lead_trainer)
    reject_url = reverse("courses_module_reviews:reject", args=[review.pk])
    client.post(reject_url, {"comment": "  "})
    review.refresh_from_db()
    assert review.is_pending and not mail.outbox  # a refusal must say why

    client.post(reject_url, {"comment": "Reprendre la consigne du cas."})

    review.refresh_from_db()
    assert review.status == ModuleReview.Status.REJECTED and review.comment == "Reprendre la consigne du cas."
    assert live_titles(module) == ["Leçon 1", "Leçon 2", "Le cas de la réunion"]
    drafts = [Page.objects.get(pk=page.pk) for page in [*module["lessons"], module["case"]]]
    assert all(page.has_unpublished_changes for page in drafts)
    assert drafts[2].get_latest_revision_as_object().title == "Le cas revu"
    assert [message.to for message in mail.outbox] == [[trainer.email]]
    assert "Reprendre la consigne du cas." in mail.outbox[0].body
    # The module can be submitted again.
    client.force_login(trainer)
    client.post(submit_url(module["course"]))
    assert ModuleReview.objects.filter(status=ModuleReview.Status.PENDING).count() == 1


def test_a_trainer_out_of_scope_and_a_learner_are_refused(client, learner, module):
    outsider = make_user(Role.TRAINER, display_name="Formateur d'un autre module")
    for person in (outsider, learner):
        client.force_login(person)
        assert client.get(submit_url(module["course"])).status_code == 403
        assert client.post(submit_url(module["course"])).status_code == 403
    assert not ModuleReview.objects.exists()


def test_only_lead_trainers_and_admins_decide(client, trainer, learner, lead_trainer, module):
    review = submitted(client, trainer, module)
    for person in (trainer, learner):
        client.force_login(person)
        assert client.post(reverse("courses_module_reviews:approve", args=[review.pk])).status_code == 403
        assert client.get(reverse("courses_module_reviews:list")).status_code == 403
    client.force_login(learner)
    assert client.get(reverse("courses_module_reviews:detail", args=[review.pk])).status_code == 403
    review.refresh_from_db()
    assert review.is_pending and live_titles(module)[0] == "Leçon 1"
    client.force_login(lead_trainer)
    listing = client.get(reverse("courses_module_reviews:list")).content.decode()
    assert "Agir avec les habitants" in listing
    assert "Validations de modules" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_unsound_case_stops_the_whole_module(trainer, lead_trainer, module):
    case = module["case"]
    case.nodes = []
    case.save_revision(user=trainer)
    review = moderation.submit_module(module["course"], trainer)
    with pytest.raises(moderation.ReviewError):
        moderation.approve(review, lead_trainer)
    review.refresh_from_db()
    assert review.is_pending and live_titles(module) == ["Leçon 1", "Leçon 2", "Le cas de la réunion"]


def test_per_page_workflow_emails_are_silenced_for_pages_in_a_module_review(trainer, lead_trainer, module):
    workflow = Workflow.objects.get(name="Validation des formations")
    outside = make_lesson(make_course(title="Module sans validation groupée"), title="Seule")
    outside.save_revision(user=trainer)
    workflow.start(outside, trainer)
    assert mail.outbox, "Wagtail's per-page e-mail still goes out for a page outside any module review"
    moderation.submit_module(module["course"], trainer)
    mail.outbox.clear()
    workflow.start(Page.objects.get(pk=module["lessons"][1].pk), trainer)
    assert not mail.outbox


def test_the_editor_offers_the_module_submission_in_french(client, trainer, module):
    client.force_login(trainer)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[module["lessons"][0].pk]))
    body = edit.content.decode()
    assert "Soumettre le module à validation" in body
    assert submit_url(module["course"]) in body
    assert "Soumettre à Validation des formations" in body
    for english in ("Submit to", "Save draft", "Submit for moderation", "Resubmit"):
        assert english not in body, english
    moderation.submit_module(module["course"], trainer)
    body = client.get(reverse("wagtailadmin_pages:edit", args=[module["lessons"][0].pk])).content.decode()
    assert "Soumettre à Validation des formations" not in body  # already in the module's review


def test_the_case_page_is_found_through_the_lesson_draft(trainer, module):
    """A case added to a lesson's draft belongs to the submission, though the published lesson does not hold it."""
    new_case = make_case(title="Cas ajouté au brouillon", live=False)
    lesson = module["lessons"][1]
    lesson.body = [("case", {"case": new_case, "introduction": "", "required": False})]
    lesson.save_revision(user=trainer)
    titles = {page.draft_title for page in moderation.pages_to_submit(module["course"], trainer)}
    assert "Cas ajouté au brouillon" in titles
    assert isinstance(CasePage.objects.get(pk=new_case.pk), CasePage)


def test_quiz_pages_of_the_embedded_quizzes_come_with_the_module_for_those_who_may_edit_them(
    trainer, admin_user, module
):
    quiz = make_quiz(list(make_all_types().values()), title="Le quiz du module")
    quiz_page = make_quiz_page(quiz, title="Page du quiz")
    quiz_page.title = "Page du quiz revue"
    quiz_page.save_revision(user=admin_user)
    lesson = module["lessons"][1]
    lesson.body = [("quiz", {"quiz": quiz, "required": False})]
    lesson.save_revision(user=admin_user)

    def titles(user):
        return {page.draft_title for page in moderation.pages_to_submit(module["course"], user)}

    assert "Page du quiz revue" in titles(admin_user)
    # Trainers do not edit quiz pages (no page permission on the quiz index): theirs are left out.
    assert "Page du quiz revue" not in titles(trainer)


def test_wagtail_workflow_actions_say_validation_not_workflow(client, trainer, lead_trainer):
    lesson = make_lesson(make_course(title="Module suivi page par page"), title="Leçon seule")
    lesson.save_revision(user=trainer)
    Workflow.objects.get(name="Validation des formations").start(lesson, trainer)
    client.force_login(lead_trainer)
    body = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    assert "Annuler la demande de validation" in body and "Demander des modifications" in body
    visible_footer = re.sub(r"<[^>]+>", " ", body[body.find("<footer") :])
    assert "workflow" not in visible_footer.lower()


def test_the_module_listing_offers_the_submission_to_the_modules_trainers_only(client, trainer, module):
    course = module["course"]
    listing = reverse("wagtailadmin_explore", args=[course.get_parent().pk])
    client.force_login(trainer)
    assert submit_url(course) in client.get(listing).content.decode()
    client.force_login(make_user(Role.TRAINER, display_name="Formatrice d'ailleurs"))
    assert submit_url(course) not in client.get(listing).content.decode()
