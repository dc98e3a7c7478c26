"""What the live-session clients of make load read in the pages: if a template changes, these fail first."""

import pytest
from django.test import Client

from bench.load_live import CHOICES, NODE, PRESENTER
from tests.factories import make_case

pytestmark = pytest.mark.django_db


def test_the_pages_carry_what_the_trainer_and_the_voters_of_make_load_look_for(client, trainer):
    case = make_case()
    client.force_login(trainer)
    launched = client.post(f"/seance/cas/{case.pk}/lancer/")
    code = PRESENTER.search(launched["Location"]).group(1)
    assert 'value="open"' in client.get(launched["Location"]).content.decode()

    guest = Client()
    assert guest.get(f"/seance/{code}/").status_code == 200
    assert guest.post(f"/seance/{code}/rejoindre/", {"pseudonym": "Votant-01"}).status_code == 302
    assert NODE.search(guest.get(f"/seance/{code}/etat/").json()["html"]) is None  # not open yet

    client.post(f"/seance/{code}/animer/", {"action": "open", "seconds": "0"})
    assert 'value="close"' in client.get(f"/seance/{code}/animer/").content.decode()
    html = guest.get(f"/seance/{code}/etat/").json()["html"]
    assert NODE.search(html).group(1) == "d1" and sorted(CHOICES.findall(html)) == ["bon1", "mauvais1"]
    assert guest.post(f"/seance/{code}/voter/", {"node": "d1", "choice": "bon1"}).status_code == 302

    client.post(f"/seance/{code}/animer/", {"action": "close"})
    assert 'value="split"' in client.get(f"/seance/{code}/animer/").content.decode()
    client.post(f"/seance/{code}/animer/", {"action": "split"})
    page = client.get(f"/seance/{code}/animer/").content.decode()
    assert 'value="majority"' in page and sorted(CHOICES.findall(page)) == ["bon1", "mauvais1"]

    # A vote arriving after the close: refused, and the page no longer offers that vote (counted as normal).
    late = guest.post(f"/seance/{code}/voter/", {"node": "d1", "choice": "mauvais1"})
    text = late.content.decode()
    assert late.status_code == 400 and 'id="erreur-vote"' in text and 'name="node" value="d1"' not in text
