"""Roles are found by their code: renaming a role's group in the admin keeps everyone's role and access."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import bootstrap
from accounts.models import RoleGroup
from accounts.permissions import Role, assign_role, role_group, user_roles, users_with_role
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def fresh(user):
    return type(user).objects.get(pk=user.pk)


def test_renaming_the_trainer_group_keeps_the_role_and_access(client, trainer):
    group = role_group(Role.TRAINER)
    group.name = "Équipe pédagogique"
    group.save()

    trainer = fresh(trainer)
    assert Role.TRAINER in user_roles(trainer)
    assert trainer.has_perm("wagtailadmin.access_admin")
    client.force_login(trainer)
    assert client.get(reverse("quizzes:trainer_list")).status_code == 200
    assert role_group(Role.TRAINER).pk == group.pk
    assert list(users_with_role(Role.TRAINER)) == [trainer]


def test_a_group_named_like_a_role_gives_no_role():
    learner = make_user(Role.LEARNER)
    Group.objects.filter(pk=role_group(Role.TRAINER).pk).update(name="Ancien nom")
    impostor = Group.objects.create(name="Formateur·rices")
    learner.groups.add(impostor)

    assert user_roles(fresh(learner)) == {Role.LEARNER}


def test_assign_role_after_a_rename_uses_the_renamed_group():
    group = role_group(Role.MANAGER)
    Group.objects.filter(pk=group.pk).update(name="Encadrement")
    user = make_user(Role.LEARNER)

    assign_role(user, Role.MANAGER)

    assert set(user.groups.values_list("name", flat=True)) == {"Encadrement", role_group(Role.LEARNER).name}
    assert not Group.objects.filter(name="Responsables d'équipe").exists()


def test_roles_are_read_in_one_query(django_assert_num_queries):
    user = fresh(make_user(Role.LEAD_TRAINER))
    with django_assert_num_queries(1):
        assert user_roles(user) == {Role.LEAD_TRAINER, Role.TRAINER}
        assert user_roles(user) == {Role.LEAD_TRAINER, Role.TRAINER}


def test_migration_attaches_codes_to_the_groups_found_by_their_historical_names():
    trainers = role_group(Role.TRAINER)
    admins = role_group(Role.ADMIN)
    RoleGroup.objects.all().delete()
    admins.delete()

    bootstrap.attach_role_codes(apps, None)

    assert role_group(Role.TRAINER).pk == trainers.pk
    recreated = role_group(Role.ADMIN)
    assert recreated.name == "Administrateur·rices"
    assert recreated.permissions.filter(codename="access_admin").exists()
    assert set(RoleGroup.objects.values_list("code", flat=True)) == set(Role)


def test_a_missing_role_group_is_recreated_without_taking_a_renamed_groups_name():
    role_group(Role.MANAGER).delete()
    learners = role_group(Role.LEARNER)
    Group.objects.filter(pk=learners.pk).update(name="Responsables d'équipe")

    manager_group = role_group(Role.MANAGER)

    assert manager_group.pk != learners.pk
    assert manager_group.name == "Responsables d'équipe (manager)"
