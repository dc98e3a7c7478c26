import pytest
from django.core.exceptions import ValidationError

from statements.api import build_statement, store_statement
from statements.models import Statement

pytestmark = pytest.mark.django_db


def test_store_statement_replaces_actor_and_is_idempotent(learner, other_learner):
    data = build_statement(other_learner, "answered", "http://x/quiz/1", "Quiz", result={"score": {"scaled": 0.5}})
    first = store_statement(learner, data)
    again = store_statement(learner, data)
    assert first.pk == again.pk
    assert first.data["actor"]["account"]["name"] == str(learner.pk)


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"verb": {}, "object": {"id": "x"}},
        {"verb": {"id": "v"}},
        {"verb": {"id": "v"}, "object": {"id": "x"}, "result": {"score": {"scaled": 3}}},
        {"verb": {"id": "v"}, "object": {"id": "x"}, "id": "pas-un-uuid"},
    ],
)
def test_bad_statements_are_refused(learner, data):
    with pytest.raises(ValidationError):
        store_statement(learner, data)
    assert not Statement.objects.exists()
