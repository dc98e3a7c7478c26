"""Who reads and who moderates a team journal (analyse de pratiques). Every team-journal view goes through here.

The rule, kept small on purpose:
- participants of a team are its members, its managers (memberships of the team, whatever the role) and its
  trainers (Team.trainers): they read the team's sessions and post contributions and replies;
- facilitators (animateur·rices) are the team's trainers and its managers: they open sessions, hide a
  contribution and close a session. A manager reads the team journal because they take part in the team; the
  journal is shared by design and every session page says who reads it. A manager still never sees anyone's
  personal journal (reflections/access.py);
- everybody else (other teams' members and managers, other trainers, administrators who are not in the team)
  gets a 404, as if the team journal did not exist.
"""

from django.db import models


def _membership_team_ids(user, role=None):
    from teams.models import Membership

    memberships = Membership.objects.filter(user=user)
    if role:
        memberships = memberships.filter(role=role)
    return memberships.values("team_id")


def _trained_team_ids(user):
    from teams.models import Team

    return Team.trainers.through.objects.filter(user=user).values("team_id")


def participating_teams(user):
    """The teams whose journal this person reads and writes in."""
    from teams.models import Team

    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(
        models.Q(pk__in=_membership_team_ids(user)) | models.Q(pk__in=_trained_team_ids(user))
    ).select_related("organisation")


def facilitated_teams(user):
    """The teams where this person opens, moderates and closes sessions."""
    from teams.models import Membership, Team

    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(
        models.Q(pk__in=_membership_team_ids(user, Membership.Role.MANAGER)) | models.Q(pk__in=_trained_team_ids(user))
    ).select_related("organisation")


def is_facilitator(user, team):
    return facilitated_teams(user).filter(pk=team.pk).exists()


class PracticeSessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(team__in=participating_teams(user).values("pk"))

    def facilitated_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(team__in=facilitated_teams(user).values("pk"))

    def open(self):
        return self.filter(closed_at__isnull=True)
