"""A team's journal on cached pages: open sessions and their contribution counts show to every member of the
team, through one team token (one cache call per post, whatever the size of the team)."""

from core import invalidation

from .models import Contribution, PracticeSession

invalidation.team_records(PracticeSession, "journal", teams=lambda session: [session.team_id])
invalidation.team_records(Contribution, "journal", teams=lambda contribution: [contribution.session.team_id])
