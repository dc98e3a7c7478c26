"""The integrity checks of make faults: a statement or a journal text under the wrong learner is found."""

from datetime import timedelta

import pytest
from django.utils import timezone

from devtools.management.commands.bench_check_faults import journal_owner_check, statements_check
from reflections.models import JournalEntry
from statements.models import Statement
from tests.factories import make_user

pytestmark = pytest.mark.django_db
IRI = "https://collectif.example/h5p/1"


@pytest.fixture
def learners():
    return [make_user(email=f"apprenant-{n}@bench.collectif.test") for n in (1, 2)]


def store(user, object_id=IRI):
    return str(Statement.objects.create(user=user, verb="answered", object_id=object_id, data={}).statement_id)


def test_statements_acknowledged_and_stored_under_their_sender_pass(learners):
    first, second = learners
    ledger = {store(first): first.email, store(second): second.email}
    store(first, object_id="https://collectif.example/cas/3")  # the platform's own statements are not counted
    sent = {"statements": ledger, "h5p_iri": IRI, "uncertain": 0}
    since = timezone.now() - timedelta(minutes=5)
    assert statements_check(sent, learners, since)["ok"]


def test_a_lost_statement_and_one_under_another_learner_fail(learners):
    first, second = learners
    mixed = store(second)
    sent = {"statements": {mixed: first.email, "00000000-0000-0000-0000-000000000000": first.email}}
    result = statements_check({**sent, "h5p_iri": IRI, "uncertain": 0}, learners, timezone.now() - timedelta(1))
    assert not result["ok"] and result["lost"] == 2


def test_a_journal_draft_holding_another_learners_text_is_found(learners):
    first, second = learners
    JournalEntry.objects.create(author=first, title="Notes", draft_html=f"<p>Brouillon de {first.email}, frappe 1.</p>")
    assert journal_owner_check(learners, timezone.now() - timedelta(1))["ok"]
    JournalEntry.objects.create(
        author=second, title="Notes", draft_html=f"<p>Brouillon de {first.email}, frappe 2.</p>"
    )
    assert journal_owner_check(learners, timezone.now() - timedelta(1))["lost"] == 1
