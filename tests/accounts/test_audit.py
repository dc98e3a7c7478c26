"""Account events in the audit log (issue 24): role changes by any path, data downloads, deletions."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts import audit
from accounts.permissions import Role, assign_role, role_group
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def entries(action, user):
    return ModelLogEntry.objects.filter(action=action, object_id=str(user.pk)).order_by("pk")


def roles_logged(action, user):
    return [entry.data["roles"] for entry in entries(action, user)]


def test_role_given_and_removed_are_logged_with_their_codes(learner):
    assign_role(learner, Role.TRAINER)
    assert roles_logged(audit.ROLE_ADDED, learner) == [["learner"], ["trainer"]]

    learner.groups.remove(role_group(Role.TRAINER))
    assert roles_logged(audit.ROLE_REMOVED, learner) == [["trainer"]]

    learner.groups.clear()
    assert roles_logged(audit.ROLE_REMOVED, learner) == [["trainer"], ["learner"]]


def test_a_role_given_in_the_admin_names_the_administrator(client, admin_user, learner):
    client.force_login(admin_user)
    url = reverse("wagtailusers_users:edit", args=[learner.pk])
    form = client.get(url).context["form"]
    data = {key: value for key, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update(
        email=learner.email,
        display_name=learner.display_name,
        first_name="Camille",
        last_name="Apprenante",
        groups=[role_group(Role.LEARNER).pk, role_group(Role.MANAGER).pk],
        is_active="on",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors

    entry = entries(audit.ROLE_ADDED, learner).last()
    assert entry.data["roles"] == ["manager"] and entry.user_id == admin_user.pk


def test_data_download_and_account_deletion_are_logged_without_personal_content(client):
    person = make_user(Role.LEARNER, email="camille@exemple.test")
    client.force_login(person)
    client.get(reverse("account_download_data"))
    assert entries(audit.DATA_EXPORTED, person).count() == 1

    client.post(reverse("account_delete"), {"confirmation": person.email, "secret": PASSWORD})
    entry = entries(audit.ACCOUNT_DELETED, person).get()
    assert entry.data == {"user_id": person.pk}
    assert "camille" not in str(entry.data) + entry.label


def test_administrators_read_the_entries_in_the_site_history(client, admin_user, learner):
    assign_role(learner, Role.MANAGER)
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Rôle attribué" in html
