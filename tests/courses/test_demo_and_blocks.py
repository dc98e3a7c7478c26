"""Every lesson block renders from its preview value; the demo modules load twice and every page renders."""

import pytest
from django.core.management import call_command

from accounts.models import User
from courses.blocks import LessonBodyBlock
from courses.models import CoursePage, LessonPage
from progress.models import Enrolment

pytestmark = pytest.mark.django_db


def test_every_block_with_a_preview_value_renders():
    rendered = 0
    for name, block in LessonBodyBlock().child_blocks.items():
        value = block.get_preview_value()
        if value is None:  # blocks that point at media (image, video, document) need a real file
            continue
        html = block.render(value)
        assert html.strip(), name
        rendered += 1
    assert rendered >= 5


def test_demo_loads_twice_and_every_course_page_renders(client, settings):
    settings.DEBUG = True
    call_command("load_demo")
    counts = (CoursePage.objects.count(), LessonPage.objects.count(), Enrolment.objects.count())
    call_command("load_demo")
    assert (CoursePage.objects.count(), LessonPage.objects.count(), Enrolment.objects.count()) == counts
    assert counts[0] == 2 and 7 <= counts[1] <= 8

    intro = CoursePage.objects.get(slug="pourquoi-intervention-sociale-collective")
    steps = CoursePage.objects.get(slug="demarche-isic-pas-a-pas")
    assert list(steps.prerequisites.all()) == [intro]
    assert {d.code for d in intro.domains.all()} | {d.code for d in steps.domains.all()} == {
        "DC1",
        "DC2",
        "DC3",
        "DC4",
    }
    block_types = {child.block_type for lesson in LessonPage.objects.all() for child in lesson.body}
    assert {"heading", "rich_text", "key_points", "testimony", "glossary_term", "further_reading"} <= block_types

    learner = User.objects.get(email="apprenante@demo.collectif.test")
    client.force_login(learner)
    assert client.get("/formations/").status_code == 200
    for page in [*CoursePage.objects.all(), *LessonPage.objects.filter(slug="le-diagnostic-partage")]:
        assert client.get(page.url).status_code == 200, page.url
    for lesson in LessonPage.objects.child_of(intro):
        assert client.get(lesson.url).status_code == 200, lesson.url
    space = client.get("/mon-espace/").content.decode()
    assert "Pourquoi l&#x27;intervention sociale collective ?" in space and "terminé le" in space
    assert "La démarche ISIC pas à pas" in space and "Prochaine étape" in space
