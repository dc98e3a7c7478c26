"""A reflection prompt answered is declared to the LRS as "completed", once, and never with the text."""

import pytest

from reflections import services
from statements.api import VERBS
from statements.models import Statement
from tests.factories import make_entry

pytestmark = pytest.mark.django_db


def test_the_first_saved_text_of_a_reflection_prompt_is_a_completed_statement_without_the_text(learner):
    entry = make_entry(learner, html="", prompt_key="reflection:a1b2", prompt_title="Ce que je retiens du diagnostic")
    services.save(entry, "Mes notes", "<p>Texte très personnel sur mon équipe.</p>")
    services.save(entry, "Mes notes", "<p>Texte très personnel, repris.</p>")
    (statement,) = Statement.objects.filter(user=learner)
    assert statement.data["verb"]["id"] == VERBS["completed"]
    assert statement.object_id.endswith("/reflexions/a1b2")
    assert statement.data["object"]["definition"]["name"] == {"fr-FR": "Ce que je retiens du diagnostic"}
    assert "personnel" not in str(statement.data)


def test_a_free_journal_entry_declares_nothing(learner):
    services.save(make_entry(learner, html=""), "Journal", "<p>Une note libre.</p>")
    assert not Statement.objects.filter(user=learner).exists()
