"""Which writes refresh which cached pages: one registry, one receiver per model, each connected with its sender.

Every app declares in its AppConfig.ready() the models whose rows show on a cached page ("Mon espace", the team
dashboard, a lesson body):

    invalidation.learner_records(Attempt, "quizzes")                        # the row's `user` sees it
    invalidation.learner_records(Feedback, "reflections", learners=lambda f: [f.entry.author_id])
    invalidation.team_records(Contribution, "journal", teams=lambda c: [c.session.team_id])

Whose data changed is worked out while the row is at hand; the tokens are dropped at once and again when the
transaction commits (cache_versions.bump). Receivers always name their sender, so Django keeps its fast delete
for every model that is not listed here. Writes that send no signal (update(), bulk_create()) call
learner_changed() / team_changed() in the one service function that makes them, and say so with `written_by`.
Team-wide data (a team journal, a team's assignments, its figures) keys on one team token, not on one per member.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models.signals import post_delete, post_save

from .cache_versions import bump, learner_changed

MYSPACE = "mon-espace"
TEAM_DASHBOARD = "team-dashboard"
LESSON_BODY = "lesson-body"
CATALOGUE = "catalogue"


@dataclass(frozen=True)
class Watched:
    model: type
    token: str  # the learner app ("quizzes") or the team token ("journal") that the row's changes drop
    scope: str  # "learner" or "team"
    pages: tuple  # which cached pages show it (MYSPACE, TEAM_DASHBOARD, LESSON_BODY)
    written_by: str = ""  # the service that writes it without signals and bumps the token itself, if any


_registry: list[Watched] = []


def registry():
    """Every declared model that feeds a cached page (read by the invalidation test)."""
    return list(_registry)


def team_changed(team_id, token):
    """A team's shared data changed: one cache call, however many members the team has."""
    if team_id:
        bump("team", team_id, token)


def _connect(model, receiver, uid):
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"invalidation.{uid}.saved")
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"invalidation.{uid}.deleted")


def learner_records(model, app, learners: Callable[..., Iterable] | None = None, pages=(MYSPACE,), written_by=""):
    """Rows of `model` show on their learners' cached pages; `learners(row)` gives whose (default: row.user_id)."""
    whose = learners or (lambda row: [row.user_id])

    def changed(sender, instance, **kwargs):
        for user_id in set(whose(instance)):
            learner_changed(user_id, app)

    _connect(model, changed, f"{model._meta.label_lower}.learner.{app}")
    _registry.append(Watched(model, app, "learner", tuple(pages), written_by))


def team_records(model, token, teams: Callable[..., Iterable], pages=(MYSPACE,), written_by=""):
    """Rows of `model` show to a whole team; `teams(row)` gives which teams' token `token` to drop."""

    def changed(sender, instance, **kwargs):
        for team_id in set(teams(instance)):
            team_changed(team_id, token)

    _connect(model, changed, f"{model._meta.label_lower}.team.{token}")
    _registry.append(Watched(model, token, "team", tuple(pages), written_by))


def records(model, receiver, token, scope, pages):
    """Any other receiver of saves and deletes of `model` that refreshes a cached page."""
    _connect(model, receiver, f"{model._meta.label_lower}.{scope}.{token}")
    _registry.append(Watched(model, token, scope, tuple(pages)))


def declare(model, token, scope, pages, written_by):
    """A model whose cached pages are refreshed by a service or a signal of its own (no post_save receiver)."""
    _registry.append(Watched(model, token, scope, tuple(pages), written_by))
