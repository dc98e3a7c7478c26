"""Roles and the checks every app uses. Keep role logic here and nowhere else."""

from enum import StrEnum
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


class Role(StrEnum):
    LEARNER = "learner"
    TRAINER = "trainer"
    LEAD_TRAINER = "lead_trainer"
    MANAGER = "manager"
    ADMIN = "admin"


# Django group name of each role; the groups are created by a data migration.
ROLE_GROUPS = {
    Role.LEARNER: "Apprenant·es",
    Role.TRAINER: "Formateur·rices",
    Role.LEAD_TRAINER: "Formateur·rices référent·es",
    Role.MANAGER: "Responsables d'équipe",
    Role.ADMIN: "Administrateur·rices",
}


def user_roles(user):
    """The set of roles of a user, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_collectif_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = {role for role, group in ROLE_GROUPS.items() if group in names}
        if user.is_superuser:
            cached.add(Role.ADMIN)
        if Role.LEAD_TRAINER in cached:
            cached.add(Role.TRAINER)
        cached = frozenset(cached)
        user._collectif_roles = cached
    return cached


def has_role(user, *roles):
    return bool(user_roles(user) & set(roles))


def is_learner(user):
    return has_role(user, Role.LEARNER)


def is_trainer(user):
    return has_role(user, Role.TRAINER, Role.ADMIN)


def is_manager(user):
    return has_role(user, Role.MANAGER, Role.ADMIN)


def is_admin(user):
    return has_role(user, Role.ADMIN)


def can_access_admin(user):
    """Trainers and administrators author content in the Wagtail admin; nobody else enters it."""
    return (
        user.is_authenticated and user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def needs_second_factor(user):
    """Everyone who may read other people's records (trainers, lead trainers, managers, administrators, superusers)
    must use TOTP when COLLECTIF_REQUIRE_STAFF_MFA is on; learners never are asked."""
    return has_role(user, Role.TRAINER, Role.LEAD_TRAINER, Role.MANAGER, Role.ADMIN) or can_access_admin(user)


def assign_role(user, role):
    from django.contrib.auth.models import Group

    group, _ = Group.objects.get_or_create(name=ROLE_GROUPS[Role(role)])
    user.groups.add(group)
    user.__dict__.pop("_collectif_roles", None)


def role_required(*roles):
    """View decorator: logged in and holding one of the roles, otherwise 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
