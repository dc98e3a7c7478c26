"""Valmont is a real commune: the demo's learners live under the invented « Ormelande », and a demo loaded before
the rename keeps its learners (and their records) under the new addresses."""

import pytest
from allauth.account.models import EmailAddress

from teams import demo
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_demo_learner_addresses_use_the_invented_place():
    assert demo._learner(0).email.endswith("@ormelande.demo.collectif.test")


def test_learners_of_an_earlier_demo_are_renamed_in_place():
    old = make_user(email="lina.roux@valmont.demo.collectif.test")
    EmailAddress.objects.update_or_create(user=old, primary=True, defaults={"email": old.email, "verified": True})
    demo._rename_former_addresses()
    demo._rename_former_addresses()  # the loader runs twice
    old.refresh_from_db()
    assert old.email == "lina.roux@ormelande.demo.collectif.test"
    assert EmailAddress.objects.get(user=old).email == old.email
