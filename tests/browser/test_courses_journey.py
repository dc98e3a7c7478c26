"""Acceptance of issue 4 in the browser: author in the Wagtail admin, moderate, learn, resume; locks; axe."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import CourseIndexPage, CoursePage, LessonPage
from progress import api as progress
from progress.models import TimeSpent
from tests.a11y import assert_no_axe_violations
from tests.factories import make_course, make_lesson

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def type_into_draftail(editor, text, attempts=3):
    """Type into a Draftail editor once it holds the focus.

    A block that has just been inserted mounts its editor and then moves the focus
    itself: keystrokes sent in between are lost, so wait for focus and retry.
    """
    for _ in range(attempts):
        editor.click()
        try:
            expect(editor).to_be_focused(timeout=2000)
        except AssertionError:
            # The click landed while the editor was still mounting: give it the focus directly.
            editor.focus()
        editor.press_sequentially(text)
        try:
            expect(editor).to_contain_text(text, timeout=2000)
            return
        except AssertionError:
            editor.press("ControlOrMeta+a")
            editor.press("Delete")
    expect(editor).to_contain_text(text)


def fill_rich_text(page, field_id, text):
    editor = page.locator(f"#panel-child-contenu-child-{field_id}-wrapper .public-DraftEditor-content")
    type_into_draftail(editor, text)
    page.locator("#id_title").click()  # Draftail stores its value in the hidden input on blur
    expect(page.locator(f"input[name='{field_id}']")).to_have_value(re.compile(re.escape(text)))


def save_and_submit(page):
    """Wagtail's footer: open the actions menu and submit to the moderation workflow."""
    page.locator("footer .w-dropdown__toggle, .form-side + footer .w-dropdown__toggle").first.click()
    page.get_by_role("button", name=re.compile("Soumettre à Validation des formations")).click()
    page.wait_for_url(lambda url: "/add/" not in url)


def create_lesson(page, live_server, course_id, title, text):
    page.goto(f"{live_server.url}/admin/pages/add/courses/lessonpage/{course_id}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill(f"Résumé de « {title} ».")
    page.get_by_role("button", name=re.compile("Insérer un bloc|Ajouter un bloc|Insert a block")).first.click()
    page.get_by_role("option", name="Texte").first.click()
    editor = page.locator(".Draftail-Editor .public-DraftEditor-content").last
    type_into_draftail(editor, text)
    page.locator("#id_title").click()  # Draftail stores its value in the hidden input on blur
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile(re.escape(text)))
    save_and_submit(page)


def test_author_moderate_enrol_complete_and_resume(page_as, trainer, admin_user, learner, live_server):
    catalogue = CourseIndexPage.objects.get()

    # A trainer writes a course with two lessons in the Wagtail admin and submits them for moderation.
    author = page_as(trainer)
    author.goto(f"{live_server.url}/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    author.locator("#id_title").fill("Animer un groupe de locataires")
    author.locator("#id_summary").fill("Accompagner un groupe de locataires qui veut agir sur son logement.")
    fill_rich_text(author, "objectives", "Faciliter une réunion de locataires.")
    save_and_submit(author)
    course = CoursePage.objects.get(title="Animer un groupe de locataires")
    assert not course.live
    assert course.current_workflow_state.status == "in_progress"
    create_lesson(author, live_server, course.pk, "Préparer la première réunion", "Choisir un lieu proche.")
    create_lesson(author, live_server, course.pk, "Faire émerger les priorités", "Le groupe décide.")
    assert LessonPage.objects.child_of(course).count() == 2
    assert "Le groupe décide." in str(
        LessonPage.objects.get(title="Faire émerger les priorités").get_latest_revision_as_object().body
    )
    assert not LessonPage.objects.live().exists()

    # An administrator approves the three submissions.
    reviewer = page_as(admin_user)
    for page in [course, *LessonPage.objects.child_of(course).order_by("path")]:
        reviewer.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
        reviewer.locator("footer .w-dropdown__toggle").first.click()
        approve = reviewer.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
        expect(approve).to_have_text(re.compile("Approuver et Publier"))
        approve.click()
        reviewer.wait_for_url(lambda url: "/edit/" not in url)
    course.refresh_from_db()
    assert course.live and LessonPage.objects.live().child_of(course).count() == 2

    # A learner finds it in the catalogue, enrols, completes lesson 1 and sees 50 %.
    me = page_as(learner)
    me.goto(f"{live_server.url}/formations/")
    me.get_by_label("Rechercher une formation").fill("locataires")
    me.get_by_role("button", name="Afficher les formations").click()
    me.get_by_role("link", name="Animer un groupe de locataires").click()
    me.get_by_role("button", name="S'inscrire à ce module").click()
    expect(me.get_by_text("Vous êtes inscrit·e au module")).to_be_visible()
    me.get_by_role("link", name="Commencer").click()
    expect(me.get_by_role("heading", level=1)).to_have_text("Préparer la première réunion")
    me.get_by_role("button", name="J'ai terminé cette leçon").click()
    expect(me.get_by_role("heading", level=1)).to_have_text("Faire émerger les priorités")
    expect(me.get_by_text("50 %").first).to_be_visible()

    # Leaves, comes back: "Reprendre" opens lesson 2.
    me.goto(f"{live_server.url}/")
    me.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Formations").click()
    me.get_by_role("link", name="Animer un groupe de locataires").click()
    expect(me.get_by_text("50 %").first).to_be_visible()
    me.get_by_role("link", name="Reprendre").click()
    expect(me.get_by_role("heading", level=1)).to_have_text("Faire émerger les priorités")
    me.goto(f"{live_server.url}/mon-espace/")
    expect(me.get_by_role("heading", name="Mes formations")).to_be_visible()
    expect(me.get_by_text("Prochaine étape").first).to_be_visible()


def test_locked_content_by_url_is_refused_with_an_explanation_and_pages_pass_axe(page_as, learner, live_server):
    basics = make_course(title="Les bases de l'action collective")
    basics_lesson = make_lesson(basics, "Premiers repères")
    linear = make_course(title="Dans l'ordre", sequencing=CoursePage.Sequencing.LINEAR)
    first, second = make_lesson(linear, "Diagnostic"), make_lesson(linear, "Mobilisation")
    advanced = make_course(title="Approfondir", prerequisites=[basics])
    progress.enrol(learner, linear)
    progress.enrol(learner, basics)
    me = page_as(learner)

    response = me.goto(f"{live_server.url}{advanced.url}")
    assert response.status == 403
    expect(me.get_by_role("heading", level=1)).to_have_text("Ce module est verrouillé")
    expect(me.get_by_role("link", name="Les bases de l'action collective")).to_be_visible()
    assert_no_axe_violations(me)

    response = me.goto(f"{live_server.url}{second.url}")
    assert response.status == 403
    expect(me.get_by_role("heading", level=1)).to_have_text("Cette leçon n'est pas encore ouverte")
    me.get_by_role("link", name="Diagnostic").click()
    expect(me.get_by_role("heading", level=1)).to_have_text("Diagnostic")

    # The lesson page posts a visible-time heartbeat with the CSRF header as soon as it is shown.
    with me.expect_response(lambda r: "/presence/" in r.url) as beat:
        me.goto(f"{live_server.url}{first.url}")
    assert beat.value.status == 200 and beat.value.request.method == "POST"
    assert TimeSpent.objects.filter(user=learner, page_id=first.pk).exists()

    # axe on the catalogue (with filters), a course with progress and a lesson.
    for path in ["/formations/", "/formations/?niveau=expertise", linear.url, first.url, basics_lesson.url]:
        me.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(me)
    me.goto(f"{live_server.url}/mon-espace/")
    assert_no_axe_violations(me)
