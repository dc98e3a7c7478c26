"""Roles and the checks every app uses. Keep role logic here and nowhere else."""

from enum import StrEnum
from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


class Role(StrEnum):
    LEARNER = "learner"
    TRAINER = "trainer"
    LEAD_TRAINER = "lead_trainer"
    MANAGER = "manager"
    ADMIN = "admin"


ROLE_CODES = frozenset(role.value for role in Role)


def role_group(role):
    """The Django group of a role, found by its code (accounts.RoleGroup), never by its editable name."""
    from django.apps import apps

    from .bootstrap import role_group as lookup

    return lookup(apps, Role(role).value)


def user_roles(user):
    """The set of roles of a user, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_collectif_roles", None)
    if cached is None:
        codes = user.groups.filter(role__isnull=False).values_list("role__code", flat=True)
        cached = {Role(code) for code in codes if code in ROLE_CODES}
        if user.is_superuser:
            cached.add(Role.ADMIN)
        if Role.LEAD_TRAINER in cached:
            cached.add(Role.TRAINER)
        cached = frozenset(cached)
        user._collectif_roles = cached
    return cached


def users_with_role(*roles):
    """Users holding one of the roles through their groups (found by code, so renaming a group changes nothing)."""
    from django.contrib.auth import get_user_model

    codes = [Role(role).value for role in roles]
    return get_user_model().objects.filter(groups__role__code__in=codes).distinct()


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
    user.groups.add(role_group(role))
    user.__dict__.pop("_collectif_roles", None)


def assign_role_to_new_accounts(users, role, by=None):
    """The role for accounts just created in bulk (an import): two queries, and the audit entries the groups signal
    would have written one by one."""
    from core.audit_log import log_many

    from .audit import ROLE_ADDED

    group = role_group(role)
    through = get_user_model().groups.through
    through.objects.bulk_create([through(user_id=user.pk, group_id=group.pk) for user in users])
    log_many(ROLE_ADDED, [(user, f"#{user.pk}", {"user_id": user.pk, "roles": [str(role)]}) for user in users], by)


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
