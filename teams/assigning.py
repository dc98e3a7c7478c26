"""Assigning courses and adding members: the rules shared by views, imports, invitations and the demo."""

from django.db import transaction

from accounts.models import User
from accounts.permissions import Role, assign_role, assign_role_to_new_accounts
from core.invalidation import team_changed
from progress import api as progress
from progress.models import Enrolment

from . import audit, charts
from .assignment_notices import notify_assigned
from .models import AssignedLearner, Assignment, Membership


@transaction.atomic
def assign_courses(team, courses, due_date, *, learners=None, remind_days_before=7, created_by=None):
    """Create one assignment per course for the whole team (learners=None) or chosen members; enrol them, and tell
    each of them (a notice on « Mon espace », an e-mail queued after commit)."""
    whole_team = learners is None
    if whole_team:
        learners = list(team.member_users())
    created = []
    for course in courses:
        assignment = Assignment.objects.create(
            team=team,
            course=course,
            due_date=due_date,
            remind_days_before=remind_days_before,
            whole_team=whole_team,
            created_by=created_by,
        )
        add_learners(assignment, learners)
        created.append(assignment)
    notify_assigned(created, learners)
    return created


def add_learners(assignment, learners):
    """Attach learners to an assignment and enrol them in its course (both idempotent)."""
    AssignedLearner.objects.bulk_create(
        [AssignedLearner(assignment=assignment, user=user) for user in learners], ignore_conflicts=True
    )
    # bulk_create sends no post_save: the team's figures and its members' assignment lists, one token each.
    charts.invalidate_figures([assignment.team_id])
    team_changed(assignment.team_id, "assignments")
    for user in learners:
        progress.enrol(user, assignment.course, source=Enrolment.Source.ASSIGNMENT)


@transaction.atomic
def add_member(team, user, role=Membership.Role.MEMBER):
    """Put a person in a team; a new member also gets the team-wide assignments. Returns (membership, created)."""
    membership, created = Membership.objects.get_or_create(team=team, user=user, role=role)
    if role == Membership.Role.MANAGER:
        assign_role(user, Role.MANAGER)
    elif created:
        assign_role(user, Role.LEARNER)
        for assignment in Assignment.objects.filter(team=team, whole_team=True).select_related("course"):
            add_learners(assignment, [user])
    return membership, created


def add_new_accounts(team, accounts, manager):
    """Save accounts an import made for this team (unsaved, each with its own address) and make them learners of
    the team, in a fixed number of queries whatever their number; each addition is audited with the manager."""
    if not accounts:
        return []
    User.objects.bulk_create(accounts)
    users = list(User.objects.filter(email__in=[account.email for account in accounts]).order_by("pk"))
    Membership.objects.bulk_create([Membership(team=team, user=user, role=Membership.Role.MEMBER) for user in users])
    assign_role_to_new_accounts(users, Role.LEARNER, by=manager)
    audit.log_added_new_accounts(team, users, manager)
    for assignment in Assignment.objects.filter(team=team, whole_team=True).select_related("course"):
        add_learners(assignment, users)
    # Bulk inserts send no post_save: the team's figures are dropped once (new accounts have nothing cached).
    team_changed(team.pk, charts.FIGURES)
    return users
