"""Access scope in one place: which teams and members a person may see. Anything else is a 404."""

from django.shortcuts import get_object_or_404

from accounts.models import User

from .models import Membership, Team


def visible_teams(user):
    return Team.objects.visible_to(user).select_related("organisation")


def team_or_404(user, team_id):
    return get_object_or_404(visible_teams(user), pk=team_id)


def members(team):
    """The learners of a team (role member), as a User queryset."""
    return User.objects.filter(team_memberships__team=team, team_memberships__role=Membership.Role.MEMBER)


def member_or_404(team, user_id):
    return get_object_or_404(members(team), pk=user_id)
