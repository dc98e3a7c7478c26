"""Registry of the sections shown on "Mon espace", and their cache.

Each app registers a section in its AppConfig.ready(): a template and a function that builds its
context for the user. Home renders them in order; it never imports the apps themselves.

For learners, each section's HTML is cached (template fragment cache) under a key holding version tokens: the
learner's own in each app the section reads (`reads`; `learner_changed()` drops one whenever one of their
records in that app changes: see `connect_invalidation()` and the apps' receivers), so a journal entry does not
redraw the courses; and the published content's (cache_versions.content_version).
The date and the language are in the key too (due dates, "in 3 days"). Trainers, managers and
administrators are never served from this cache: some of their sections count other people's records.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from accounts.permissions import Role, user_roles

from .cache_versions import content_changed, content_version, learner_changed, learner_versions

TIMEOUT = 600  # a backstop: every change that shows on the page already refreshes it

# Learner records live in these apps; a saved or deleted row with a user_id or author_id changes what this
# person sees on "Mon espace". (Rows pointing at a learner through another object have their own receivers.)
LEARNER_APPS = {"progress", "cases", "quizzes", "teams", "reflections"}


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: Callable
    order: int = 100
    visible: Callable | None = None
    reads: tuple = ()  # the apps whose learner records the section shows (LEARNER_APPS)


_sections: dict[str, Section] = {}


def register(key, template, context, order=100, visible=None, reads=()):
    unknown = set(reads) - LEARNER_APPS
    if unknown or not reads:
        raise ValueError(f"Section {key}: reads must name the apps of the records it shows, among {LEARNER_APPS}")
    _sections[key] = Section(key, template, context, order, visible, tuple(reads))


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
    common = f"{user.pk}.{content_version()}.{timezone.localdate()}"
    return {s.key: ".".join([common, *(tokens[app] for app in s.reads)]) for s in sections}


def sections_for(request):
    """The sections in order (the template skips those that are not visible to this person)."""
    sections = sorted(_sections.values(), key=lambda s: (s.order, s.key))
    keys = cache_keys(request.user, sections)
    return [SectionView(section, request, keys.get(section.key)) for section in sections]


def _record_changed(sender, instance, **kwargs):
    if isinstance(instance, Page) and (instance.live or kwargs.get("signal") is post_delete):
        content_changed()  # also pages written by code without publishing, and deleted ones
    app = sender._meta.app_label
    if app in LEARNER_APPS:
        learner_changed(getattr(instance, "user_id", None), app)
        learner_changed(getattr(instance, "author_id", None), app)


def connect_invalidation():
    post_save.connect(_record_changed, dispatch_uid="myspace.record_saved")
    post_delete.connect(_record_changed, dispatch_uid="myspace.record_deleted")
    for name, signal in {"published": page_published, "unpublished": page_unpublished, "moved": post_page_move}.items():
        signal.connect(content_changed, dispatch_uid=f"myspace.content_{name}")
