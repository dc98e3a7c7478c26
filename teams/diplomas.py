"""A team's diploma is the default framework of its members who chose none (registered in accounts.diplomas)."""

from .models import Membership


def team_framework(user, team=None):
    """The given team's diploma, else the diploma of a team the person belongs to (as a member first)."""
    if team is not None and team.diploma_id:
        return team.diploma
    membership = (
        Membership.objects.filter(user=user, team__diploma__isnull=False)
        .select_related("team__diploma")
        .order_by("-role", "joined_at", "pk")  # "member" sorts after "manager": member teams first
        .first()
    )
    return membership.team.diploma if membership else None
