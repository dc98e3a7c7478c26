"""Registry of the sections shown on "Mon espace", and their cache.

Each app registers a section in its AppConfig.ready(): a template and a function that builds its
context for the user. Home renders them in order; it never imports the apps themselves.

For learners, each section's HTML is cached (template fragment cache) under a key holding version tokens: the
learner's own in each app the section reads (`reads`: core.invalidation drops one whenever one of their records
in that app changes), so a journal entry does not redraw the courses; the tokens of the learner's teams for the
team-wide data it shows (`team_reads`: one token per team, dropped once however many members it has); and the
published content's (cache_versions.content_version).
The date and the language are in the key too (due dates, "in 3 days"). Trainers, managers and
administrators are never served from this cache: some of their sections count other people's records.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.utils import timezone
from wagtail.models import get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from accounts.permissions import Role, user_roles

from . import invalidation
from .cache_versions import CONTENT, content_changed, content_version, learner_versions, team_versions

TIMEOUT = 600  # a backstop: every change that shows on the page already refreshes it

# Learner records live in these apps; each declares its models in core.invalidation.
LEARNER_APPS = {"accounts", "progress", "cases", "quizzes", "teams", "reflections"}
TEAM_TOKENS = {"journal", "assignments"}


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: Callable
    order: int = 100
    visible: Callable | None = None
    reads: tuple = ()  # the apps whose learner records the section shows (LEARNER_APPS)
    team_reads: tuple = ()  # the team-wide data it shows, for the learner's teams (TEAM_TOKENS)


_sections: dict[str, Section] = {}
_teams_of = None


def register(key, template, context, order=100, visible=None, reads=(), team_reads=()):
    unknown = set(reads) - LEARNER_APPS
    if unknown or not reads:
        raise ValueError(f"Section {key}: reads must name the apps of the records it shows, among {LEARNER_APPS}")
    if set(team_reads) - TEAM_TOKENS or (team_reads and "teams" not in reads):
        raise ValueError(f"Section {key}: team_reads among {TEAM_TOKENS}, with 'teams' in reads (the memberships)")
    _sections[key] = Section(key, template, context, order, visible, tuple(reads), tuple(team_reads))


def register_teams_of(function):
    """The teams app tells which teams a learner belongs to (team ids), without core importing it."""
    global _teams_of
    _teams_of = function


def learner_team_ids(user_id, teams_token):
    """The learner's team ids, cached until one of their memberships changes (it drops their "teams" token)."""
    key = f"myspace-teams:{user_id}:{teams_token}"
    found = cache.get(key)
    if found is None:
        found = sorted(_teams_of(user_id)) if _teams_of else []
        cache.set(key, found, TIMEOUT)
    return found


class SectionView:
    """One section for one request; its visibility and context are computed only if the template needs them
    (not when the cached HTML is served)."""

    def __init__(self, section, request, cache_key):
        self.section, self.request, self.cache_key = section, request, cache_key
        self.key, self.template = section.key, section.template

    @cached_property
    def is_visible(self):
        return not self.section.visible or self.section.visible(self.request.user)

    @cached_property
    def context(self):
        return self.section.context(self.request)


def cache_keys(user, sections):
    """{section key: the part of its fragment cache key that changes with the data}; {} when not cached."""
    if not user.is_authenticated or user_roles(user) - {Role.LEARNER}:
        return {}
    tokens = learner_versions(user.pk, sorted({app for section in sections for app in section.reads}))
    team_tokens = {}
    for name in sorted({name for section in sections for name in section.team_reads}):
        versions = team_versions(learner_team_ids(user.pk, tokens["teams"]), name)
        team_tokens[name] = "-".join(f"{team_id}:{token}" for team_id, token in sorted(versions.items())) or "none"
    common = f"{user.pk}.{content_version()}.{timezone.localdate()}"
    return {
        s.key: ".".join([common, *(tokens[app] for app in s.reads), *(team_tokens[name] for name in s.team_reads)])
        for s in sections
    }


def sections_for(request):
    """The sections in order (the template skips those that are not visible to this person)."""
    sections = sorted(_sections.values(), key=lambda s: (s.order, s.key))
    keys = cache_keys(request.user, sections)
    return [SectionView(section, request, keys.get(section.key)) for section in sections]


def _page_written(sender, instance, **kwargs):
    """Pages written by code without publishing (demo, imports), and deleted ones, change titles and addresses."""
    if instance.live or kwargs.get("signal") is post_delete:
        content_changed()


def connect_invalidation():
    # One receiver per page model, each with its sender: other models keep Django's fast delete.
    pages = (invalidation.MYSPACE, invalidation.LESSON_BODY)
    for model in get_page_models():
        invalidation.records(model, _page_written, CONTENT, "content", pages)
    for name, signal in {"published": page_published, "unpublished": page_unpublished, "moved": post_page_move}.items():
        signal.connect(content_changed, dispatch_uid=f"myspace.content_{name}")
