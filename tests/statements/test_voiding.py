"""Deleting an account voids, at the LRS, the statements it may have received (xAPI "voided" statements)."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from accounts.personal_data import delete_account
from statements import tasks
from statements.api import VERBS, build_statement, store_statement, void_sent_statements
from statements.models import Statement
from tests.factories import make_user

pytestmark = pytest.mark.django_db


class FakeLRS:
    """Stands for requests.put in statements.tasks: records what would be sent, answers 204."""

    def __init__(self):
        self.sent = []

    def __call__(self, url, params=None, json=None, **kwargs):
        self.sent.append({"url": url, "statementId": params["statementId"], "body": json})

        class Response:
            status_code = 204
            text = ""

        return Response()


@pytest.fixture
def lrs(settings, monkeypatch):
    settings.LRS_ENDPOINT = "https://lrs.example.org/xAPI/"
    settings.LRS_USERNAME = ""
    fake = FakeLRS()
    monkeypatch.setattr(tasks.requests, "put", fake)
    return fake


def stored(user, name, forwarded=False, attempts=0):
    statement = store_statement(user, build_statement(user, "completed", f"https://x.test/{name}", name))
    Statement.objects.filter(pk=statement.pk).update(
        forwarded_at=timezone.now() if forwarded else None, forward_attempts=attempts
    )
    return statement


def test_deletion_voids_what_the_lrs_may_hold_and_forwards_it(
    lrs, learner, other_learner, django_capture_on_commit_callbacks
):
    sent = stored(learner, "envoyee", forwarded=True)
    tried = stored(learner, "tentee", attempts=2)  # the LRS may have stored it before the answer was lost
    stored(learner, "jamais-envoyee")
    stored(other_learner, "autre", forwarded=True)
    learner_pk = learner.pk

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(learner)

    assert not Statement.objects.filter(user_id=learner_pk).exists()
    voiding = list(Statement.objects.filter(user__isnull=True).order_by("pk"))
    assert {s.object_id for s in voiding} == {str(sent.statement_id), str(tried.statement_id)}
    for statement in voiding:
        assert statement.verb == "http://adlnet.gov/expapi/verbs/voided"
        assert statement.data["object"] == {"objectType": "StatementRef", "id": statement.object_id}
        assert statement.forwarded_at is not None  # sent by the forwarding task, once the deletion committed
        # Only the account number is kept: the display name is erased with the account.
        assert statement.data["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": settings.SITE_URL, "name": str(learner_pk)},
        }

    assert sorted(call["body"]["object"]["id"] for call in lrs.sent) == sorted(
        [str(sent.statement_id), str(tried.statement_id)]
    )
    for call in lrs.sent:
        assert call["url"] == "https://lrs.example.org/xAPI/statements"
        assert call["body"]["verb"]["id"] == VERBS["voided"]
        assert call["statementId"] == call["body"]["id"]
    # The other learner's statements are untouched.
    assert Statement.objects.filter(user=other_learner).count() == 1


def test_deletion_through_the_account_page_voids_too(lrs, client, django_capture_on_commit_callbacks):
    user = make_user()
    password = "mot-de-passe-assez-long-42"
    user.set_password(password)
    user.save()
    sent = stored(user, "envoyee", forwarded=True)
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_delete"), {"confirmation": user.email, "secret": password})
    assert response.status_code == 302
    assert Statement.objects.get(user__isnull=True).object_id == str(sent.statement_id)
    assert [call["body"]["object"]["id"] for call in lrs.sent] == [str(sent.statement_id)]


def test_nothing_to_void_when_nothing_was_sent(lrs, learner, django_capture_on_commit_callbacks):
    stored(learner, "jamais-envoyee")
    with django_capture_on_commit_callbacks(execute=True):
        learner.delete()
    assert not Statement.objects.exists()
    assert lrs.sent == []


def test_voiding_statements_are_not_voided_again_and_wait_without_an_lrs(settings, learner):
    settings.LRS_ENDPOINT = ""
    stored(learner, "envoyee", forwarded=True)
    Statement.objects.create(user=learner, verb=VERBS["voided"], object_id="x", data={}, forwarded_at=timezone.now())
    assert void_sent_statements(learner) == 1
    assert Statement.objects.filter(user__isnull=True, forwarded_at__isnull=True).count() == 1


def test_voiding_queries_do_not_grow_with_statements(lrs, learner, django_assert_max_num_queries):
    for number in range(30):
        stored(learner, f"envoyee-{number}", forwarded=True)
    with django_assert_max_num_queries(3):
        assert void_sent_statements(learner) == 30
