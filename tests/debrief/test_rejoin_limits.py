"""Re-joining with a fresh cookie cannot multiply one person's votes, and the address behind a proxy is the
forwarded one only when proxies are trusted (the join limits and allauth share it)."""

import pytest
from django.test import Client
from django.urls import reverse

from debrief import guard, live
from debrief.models import Participant, Vote
from debrief.views.participant import GUEST_KEY
from tests.factories import make_live_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(trainer):
    return make_live_session(trainer=trainer)


def enter(client, session, pseudonym="Invitée"):
    return client.post(reverse("debrief:enter", args=[session.code]), {"pseudonym": pseudonym})


def vote(client, session, choice):
    return client.post(reverse("debrief:vote", args=[session.code]), {"node": "d1", "choice": choice})


def test_same_browser_rejoining_keeps_its_participant_and_its_single_vote(client, session):
    assert enter(client, session, "Zoé").status_code == 302
    token = client.session[GUEST_KEY][session.code]
    live.open_vote(session)
    vote(client, session, "bon1")
    # Joining again from the same browser is a no-op: same participant, the new choice replaces the old one.
    assert enter(client, session, "Zoé bis").status_code == 302
    assert client.session[GUEST_KEY][session.code] == token
    vote(client, session, "mauvais1")
    assert Participant.objects.filter(session=session).count() == 1
    assert list(Vote.objects.values_list("choice_key", flat=True)) == ["mauvais1"]


def test_fresh_cookies_from_one_address_stop_at_the_join_limit(session, monkeypatch):
    monkeypatch.setattr(guard, "MAX_GUEST_JOINS", 3)
    live.open_vote(session)
    for attempt in range(3):
        fresh = Client(REMOTE_ADDR="198.51.100.7")
        assert enter(fresh, session, f"Invité {attempt}").status_code == 302
        assert vote(fresh, session, "bon1").status_code == 302
    fresh = Client(REMOTE_ADDR="198.51.100.7")
    refused = enter(fresh, session, "Encore moi")
    assert refused.status_code == 429
    assert "Trop de personnes ont rejoint cette séance depuis cette connexion" in refused.content.decode()
    assert vote(fresh, session, "bon1").status_code == 403
    assert Vote.objects.filter(session=session).count() == 3
    # Another address (another classroom), or another session, is not affected.
    assert enter(Client(REMOTE_ADDR="198.51.100.8"), session).status_code == 302
    other = make_live_session(trainer=session.trainer)
    assert enter(Client(REMOTE_ADDR="198.51.100.7"), other).status_code == 302


def test_accounts_rejoin_without_counting_against_the_guest_limit(client, session, learner, monkeypatch):
    monkeypatch.setattr(guard, "MAX_GUEST_JOINS", 0)
    client.force_login(learner)
    url = reverse("debrief:enter", args=[session.code])
    assert client.post(url, {"compte": "1"}).status_code == 302
    assert Participant.objects.filter(session=session, user=learner).count() == 1


@pytest.mark.parametrize(
    ("trusted_proxies", "limited_separately"),
    [(1, True), (0, False)],
)
def test_forwarded_clients_are_told_apart_only_behind_trusted_proxies(
    session, settings, monkeypatch, trusted_proxies, limited_separately
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = trusted_proxies
    monkeypatch.setattr(guard, "MAX_GUEST_JOINS", 1)
    proxy = "10.0.0.2"
    first = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert enter(first, session).status_code == 302
    # A second client behind the same load balancer, or a spoofer writing any header he likes.
    second = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert (enter(second, session).status_code == 302) is limited_separately
    if not limited_separately:
        assert enter(second, session).status_code == 429


def test_join_limit_and_allauth_key_on_the_same_address(rf, settings):
    from allauth.account.adapter import get_adapter

    from accounts.network import client_ip

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert client_ip(request) == get_adapter().get_client_ip(request) == "203.0.113.9"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
