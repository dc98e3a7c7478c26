"""The written equivalent of an H5P activity: below the player, announced to assistive technologies."""

import re

import pytest

from progress.api import enrol
from tests.factories import make_course, make_h5p_activity, make_lesson

pytestmark = pytest.mark.django_db

ALTERNATIVE = "<p>Vrai ou faux : le CCAS peut prêter une salle. <b>Réponse attendue : vrai.</b></p>"


def lesson_with(learner, activity, **block):
    course = make_course()
    enrol(learner, course)
    return make_lesson(course, title="Vrai ou faux", body=[("h5p", {"activity": activity, "required": True, **block})])


def test_the_alternative_follows_the_player_and_describes_it(client, learner):
    activity = make_h5p_activity()
    lesson = lesson_with(learner, activity, text_alternative=ALTERNATIVE)
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()

    frame = re.search(r"<iframe[^>]*>", html).group(0)
    described_by = re.search(r'aria-describedby="([^"]+)"', frame).group(1)
    summary = re.search(rf'<summary id="{described_by}">([^<]+)</summary>', html)
    assert summary and summary.group(1) == "Version texte de l'activité"
    details = html.index(f'id="h5p-alternative-{activity.pk}"')
    assert html.index("<iframe") < details < html.index("Réponse attendue : vrai.")
    assert "<b>Réponse attendue : vrai.</b>" in html  # rich text, rendered as such
    assert "Sa version texte est proposée juste en dessous." in html  # the no-JavaScript notice points to it


def test_the_alternative_is_there_without_a_player():
    """Whoever cannot run the player (here: nobody logged in gets no player token) still reads the text."""
    from h5p.blocks import H5PBlock

    activity = make_h5p_activity()
    block = H5PBlock()
    html = block.render(block.to_python({"activity": activity.pk, "required": False, "text_alternative": ALTERNATIVE}))
    assert "<iframe" not in html
    assert "Version texte de l'activité" in html and "Réponse attendue : vrai." in html


def test_no_alternative_no_details_and_no_dangling_reference(client, learner):
    activity = make_h5p_activity()
    lesson = lesson_with(learner, activity)
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert "<iframe" in html
    assert "aria-describedby" not in re.search(r"<iframe[^>]*>", html).group(0)
    assert "Version texte de l'activité" not in html and "Sa version texte" not in html


def test_the_block_offers_the_field_to_authors():
    from h5p.blocks import H5PBlock

    field = H5PBlock().child_blocks["text_alternative"]
    assert str(field.label) == "Alternative textuelle" and not field.required
    assert "réponses attendues" in str(field.field.help_text)
