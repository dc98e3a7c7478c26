"""The French demo curriculum: its counts, its idempotence, and every demo page rendered for each role.

The demo is loaded by the package fixture (tests/demo/conftest.py).
"""

import json
import re

import pytest
from django.urls import reverse
from wagtail.models import Revision

from accounts.permissions import Role
from cases.models import CasePage
from courses.demo import COURSES
from courses.models import CourseIndexPage, CoursePage, LessonPage
from home.models import HomePage, StandardPage
from progress import api as progress
from progress.models import LessonActivity, Status
from quizzes.models.pages import QuizIndexPage, QuizPage
from reflections import demo as reflections_demo
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def demo_courses():
    slugs = [spec["slug"] for spec in COURSES]
    return sorted(CoursePage.objects.live().filter(slug__in=slugs), key=lambda course: slugs.index(course.slug))


def lessons_of(course):
    return list(LessonPage.objects.child_of(course).live().order_by("path"))


def blocks_of(course, block_type):
    return [child for lesson in lessons_of(course) for child in lesson.body if child.block_type == block_type]


def test_curriculum_counts(demo):
    courses = demo_courses()
    assert len(courses) >= 6
    for course in courses:
        assert 3 <= len(lessons_of(course)) <= 5, course.slug
        assert course.domains.exists(), course.slug
        activity_keys = LessonActivity.objects.filter(lesson__in=lessons_of(course)).values_list(
            "activity_key", flat=True
        )
        assert activity_keys, f"{course.slug} has no activity block"
    assert {code for course in courses for code in course.domains.values_list("code", flat=True)} == {
        "DC1",
        "DC2",
        "DC3",
        "DC4",
    }
    assert len({course.level for course in courses}) == 3
    assert len({course.duration_minutes for course in courses}) >= 4
    linear = [course for course in courses if course.sequencing == CoursePage.Sequencing.LINEAR]
    assert any(course.prerequisites.exists() for course in linear)

    prompt_ids = {child.value["prompt_id"] for course in courses for child in blocks_of(course, "reflection")}
    assert len(prompt_ids) >= 10
    assert prompt_ids == {prompt["prompt_id"] for prompt in reflections_demo.PROMPTS}
    assert len(reflections_demo.PROMPTS) >= 10
    # Every case and quiz a lesson names is shown as soon as it exists, whichever loader created it.
    markers = [item["value"] for spec in COURSES for lesson in spec["lessons"] for item in lesson["body"]]
    wanted_cases = CasePage.objects.live().filter(slug__in=[m["slug"] for m in markers if "slug" in m])
    wanted_quizzes = QuizPage.objects.live().filter(slug__in=[m["page_slug"] for m in markers if "page_slug" in m])
    case_pages = {child.value["case"].pk for course in courses for child in blocks_of(course, "case")}
    assert case_pages == set(wanted_cases.values_list("pk", flat=True)) and case_pages
    quizzes = {child.value["quiz"].pk for course in courses for child in blocks_of(course, "quiz")}
    assert quizzes == set(wanted_quizzes.values_list("quiz_id", flat=True))
    assert wanted_quizzes.filter(slug__in=["reperes-isc", "ou-en-suis-je-avant", "ou-en-suis-je-apres"]).count() == 3


def test_lesson_content_is_rich_and_honest(demo):
    lessons = [lesson for course in demo_courses() for lesson in lessons_of(course)]
    block_types = {child.block_type for lesson in lessons for child in lesson.body}
    assert {"heading", "rich_text", "key_points", "testimony", "glossary_term", "further_reading"} <= block_types
    assert {"reflection", "case", "quiz"} <= block_types
    for lesson in lessons:
        for child in lesson.body:
            if child.block_type == "testimony":  # the demo invents its witnesses and says so
                assert "fictif" in child.value["role"], lesson.slug
        text = str(lesson.body.raw_data).lower()
        assert "à vérifier" not in text and "lorem" not in text, lesson.slug
        assert not re.search(r"\b(?:todo|fixme)\b", text), lesson.slug


def test_loading_twice_changes_nothing(demo):
    assert demo["second"] == demo["first"]
    assert demo["first"]["enrolments"] > 0 and demo["first"]["journal_entries"] > 0


def test_the_demo_learner_keeps_her_progress(demo, client):
    from accounts.models import User

    learner = User.objects.get(email="apprenante@demo.collectif.test")
    intro, steps = demo_courses()[:2]
    lesson_keys = [lesson.activity_key for lesson in lessons_of(intro)]
    assert progress.completed_keys(learner, lesson_keys) == set(lesson_keys)
    assert list(steps.prerequisites.all()) == [intro]
    client.force_login(learner)
    space = client.get("/mon-espace/").content.decode()
    assert "Pourquoi l&#x27;intervention sociale collective ?" in space and "terminé le" in space
    assert "La démarche ISIC pas à pas" in space and "Prochaine étape" in space


def test_the_demo_trainer_reads_every_demo_report_and_result(demo, client):
    """She is course trainer of the demo courses (core/scope.py): `make run` shows her every report and result."""
    from accounts.models import User

    client.force_login(User.objects.get(email="formatrice@demo.collectif.test"))
    cases = CasePage.objects.live()
    assert cases.count() >= 6
    for case in cases:
        url = reverse("cases:report", args=[case.pk])
        assert client.get(url).status_code == 200, case.slug
        assert url in client.get(case.url).content.decode(), case.slug
    listed = {quiz.pk for quiz in client.get(reverse("quizzes:trainer_list")).context["quizzes"]}
    assert listed == set(QuizPage.objects.live().values_list("quiz_id", flat=True)) and len(listed) == 8
    for quiz_id in listed:
        assert client.get(reverse("quizzes:trainer_report", args=[quiz_id])).status_code == 200


def public_pages():
    home = HomePage.objects.get()
    pages = [home, *StandardPage.objects.live(), *CourseIndexPage.objects.live(), *demo_courses()]
    pages += [*CasePage.objects.live(), *QuizIndexPage.objects.live(), *QuizPage.objects.live()]
    from cases.models import CaseIndexPage

    return pages + list(CaseIndexPage.objects.live())


def assert_renders(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, (page.url, response.status_code)


def test_every_demo_page_renders_for_visitors(demo, client):
    for page in public_pages():
        assert_renders(client, page)
    for course in demo_courses():
        lesson = lessons_of(course)[0]
        response = client.get(lesson.url)
        assert response.status_code == 302 and "/comptes/login/" in response["Location"], lesson.url


def test_every_demo_page_renders_for_trainers(demo, client):
    client.force_login(make_user(Role.TRAINER))
    for page in public_pages():
        assert_renders(client, page)
    for course in demo_courses():
        for lesson in lessons_of(course):
            assert_renders(client, lesson)


@pytest.mark.parametrize("role", [Role.LEARNER, Role.MANAGER])
def test_every_demo_page_renders_for_enrolled_people(demo, client, role):
    """Walks the catalogue in order, as a person would: enrol, open each lesson, finish it, go on."""
    user = make_user(role)
    client.force_login(user)
    for page in public_pages():
        if not isinstance(page.specific, CoursePage):  # modules with prerequisites open once those are done
            assert_renders(client, page)
    for course in demo_courses():
        assert_renders(client, course)
        progress.enrol(user, course)
        for lesson in lessons_of(course):
            assert_renders(client, lesson)
            progress.record_activity(user, lesson.activity_key, Status.COMPLETED)
        assert_renders(client, course)
    assert client.get("/mon-espace/").status_code == 200


def test_the_demo_updates_its_own_lessons_and_leaves_edited_ones_alone(demo):
    from courses import demo as courses_demo

    untouched, edited = lessons_of(demo_courses()[1])[:2]
    for lesson, author in ((untouched, None), (edited, make_user(Role.TRAINER))):
        lesson.body = json.dumps([{"type": "rich_text", "value": "<p>Une ancienne version de la leçon.</p>"}])
        lesson.save_revision(user=author).publish()
    revisions = Revision.objects.count()

    courses_demo.load()
    untouched.refresh_from_db()
    edited.refresh_from_db()
    assert "ancienne version" not in str(untouched.body.raw_data) and len(untouched.body) > 3
    assert "ancienne version" in str(edited.body.raw_data)
    assert Revision.objects.count() == revisions + 1
    courses_demo.load()
    assert Revision.objects.count() == revisions + 1


def test_home_page_entry_points_name_real_modules(demo, client):
    from home.demo import HOME_BODY

    titles = {course.title for course in demo_courses()}
    quoted = set(re.findall(r"« (.+?) »", " ".join(HOME_BODY.split())))
    assert len(quoted & titles) >= 4
    assert quoted - titles <= {"Journaux partagés", "Suivi d'équipe"}  # the trainers' and managers' menu entries
    home = client.get("/").content.decode()
    assert "Par où commencer ?" in home and 'href="/formations/"' in home


def test_demo_durations_are_computed_and_courses_sum_their_lessons(demo):
    from courses.durations import computed_lesson_minutes

    for course in demo_courses():
        lessons = lessons_of(course)
        for lesson in lessons:
            assert lesson.duration_override_minutes is None, lesson.slug
            assert lesson.duration_minutes == computed_lesson_minutes(lesson.body) > 0, lesson.slug
        assert course.duration_minutes == sum(lesson.duration_minutes for lesson in lessons), course.slug


def test_every_demo_lesson_has_objectives_and_dated_references(demo):
    for course in demo_courses():
        for lesson in lessons_of(course):
            assert 2 <= lesson.objectives.count("<li>") <= 4, lesson.slug
            readings = blocks_of_lesson(lesson, "further_reading")
            assert readings, f"{lesson.slug} has no « Pour aller plus loin »"
            for item in (item for block in readings for item in block.value["items"]):
                # Every reference carries its year or its article number; none points at an invented address.
                assert re.search(r"\b(19|20)\d\d\b|art\. [LDR]\. ", item["reference"]), item["reference"]
                assert not item["url"], item["reference"]


def test_legal_points_of_the_demo_cite_their_articles(demo):
    references = " ".join(
        item["reference"]
        for course in demo_courses()
        for lesson in lessons_of(course)
        for block in blocks_of_lesson(lesson, "further_reading")
        for item in block.value["items"]
    )
    for article in ("D. 142-1-1", "L. 311-6", "D. 311-16", "D. 311-19", "L. 123-6", "art. 40", "2016-1440"):
        assert article in references, article


def blocks_of_lesson(lesson, block_type):
    return [child for child in lesson.body if child.block_type == block_type]


def test_no_demo_lesson_is_thin_unless_an_activity_carries_its_time(demo):
    from core.activities import activities_in_stream
    from courses.durations import reading_words

    for course in demo_courses():
        for lesson in lessons_of(course):
            if not activities_in_stream(lesson.body):
                assert reading_words(lesson.body) >= 500, lesson.slug
