"""Registry of the sections shown on "Mon espace", and their cache.

Each app registers a section in its AppConfig.ready(): a template and a function that builds its
context for the user. Home renders them in order; it never imports the apps themselves.

For learners, each section's HTML is cached (template fragment cache) under a key holding two version
tokens: the learner's own (`learner_changed()`, called whenever one of their records changes: see
`connect_invalidation()` and the apps' receivers) and the published content's (cache_versions.content_version).
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

from .cache_versions import content_changed, content_version, learner_changed, learner_version

TIMEOUT = 600  # a backstop: every change that shows on the page already refreshes it


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: Callable
    order: int = 100
    visible: Callable | None = None


_sections: dict[str, Section] = {}


def register(key, template, context, order=100, visible=None):
    _sections[key] = Section(key, template, context, order, visible)


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


def cache_key(user):
    """The part of the fragment cache key that changes with the learner's data; None when not cached."""
    if not user.is_authenticated or user_roles(user) - {Role.LEARNER}:
        return None
    return f"{user.pk}.{learner_version(user.pk)}.{content_version()}.{timezone.localdate()}"


def sections_for(request):
    """The sections in order (the template skips those that are not visible to this person)."""
    key = cache_key(request.user)
    return [SectionView(s, request, key) for s in sorted(_sections.values(), key=lambda s: (s.order, s.key))]


# Learner records live in these apps; a saved or deleted row with a user_id or author_id changes what this
# person sees on "Mon espace". (Rows pointing at a learner through another object have their own receivers.)
LEARNER_APPS = {"progress", "cases", "quizzes", "teams", "reflections"}


def _record_changed(sender, instance, **kwargs):
    if isinstance(instance, Page) and (instance.live or kwargs.get("signal") is post_delete):
        content_changed()  # also pages written by code without publishing, and deleted ones
    if sender._meta.app_label in LEARNER_APPS:
        learner_changed(getattr(instance, "user_id", None))
        learner_changed(getattr(instance, "author_id", None))


def connect_invalidation():

    post_save.connect(_record_changed, dispatch_uid="myspace.record_saved")
    post_delete.connect(_record_changed, dispatch_uid="myspace.record_deleted")
    for name, signal in {"published": page_published, "unpublished": page_unpublished, "moved": post_page_move}.items():
        signal.connect(content_changed, dispatch_uid=f"myspace.content_{name}")
