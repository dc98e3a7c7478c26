"""Whose records a trainer sees on an activity (a case's reasoning report, a quiz's results). One rule, used by
both apps:

- lead trainers and administrators see everyone's records;
- a trainer who authored the activity sees everyone's records on it. Authored means: owns the activity's page or
  saved a revision of it, or did so for a lesson embedding the activity or for the course holding that lesson
  (an app may add its own signs of authorship, such as a quiz's creator);
- any other trainer sees only the records of the learners of the teams they train (Team.trainers), and gets a 404
  where none of those learners has a record: an activity they neither wrote nor follow is not theirs to find;
- learners and managers never reach these pages (403, by the views' role check).

Authorship is read once per request and kept on the user object (like the roles), so that list pages and the
admin's per-row buttons ask the database a fixed number of times. Models of other apps are looked up lazily
(apps.get_model): core stays below the apps that use it.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.functions import Length, Substr

from accounts.permissions import Role, has_role, is_trainer


def sees_everyone(user):
    """Lead trainers and administrators read every learner's records on every activity."""
    return has_role(user, Role.LEAD_TRAINER, Role.ADMIN)


def cached_on(user, name, compute):
    """compute() once per user object, that is once per request (the user is loaded afresh for each)."""
    value = getattr(user, name, None)
    if value is None:
        value = compute()
        setattr(user, name, value)
    return value


def authored_pages(user):
    """{page id: path} of the pages this person owns or saved a revision of (two queries, cached)."""

    def compute():
        from wagtail.models import Page, Revision

        if not is_trainer(user):
            return {}
        revised = Revision.objects.filter(base_content_type=ContentType.objects.get_for_model(Page), user=user)
        ids = {int(pk) for pk in revised.values_list("object_id", flat=True).distinct()}
        return dict(Page.objects.filter(Q(owner=user) | Q(pk__in=ids)).values_list("pk", "path"))

    return cached_on(user, "_collectif_authored_pages", compute)


def authored_activity_keys(user):
    """Activity keys ("case:12", "quiz:3"...) of the lessons this person authored, or whose course they authored
    (one query, cached)."""

    def compute():
        from wagtail.models import Page

        pages = authored_pages(user)
        if not pages:
            return frozenset()
        lesson_activity = apps.get_model("courses", "LessonActivity")
        parent_path = Substr("lesson__path", 1, Length("lesson__path") - Page.steplen)
        keys = (
            lesson_activity.objects.annotate(parent_path=parent_path)
            .filter(Q(lesson_id__in=list(pages)) | Q(parent_path__in=list(pages.values())))
            .values_list("activity_key", flat=True)
        )
        return frozenset(keys)

    return cached_on(user, "_collectif_authored_activity_keys", compute)


def trained_learners(user):
    """The learners of the teams this person trains, as a subquery of user ids (no query by itself)."""
    membership = apps.get_model("teams", "Membership")
    return membership.objects.filter(team__trainers=user, role=membership.Role.MEMBER).values("user_id")


@dataclass(frozen=True)
class Scope:
    """Whose records a trainer reads on one activity: everyone's, or only those of `learners` (a subquery)."""

    learners: object = None

    @property
    def everyone(self):
        return self.learners is None

    def restrict(self, queryset, user_field="user"):
        """The records of `queryset` this trainer may read; `user_field` leads from a record to its learner."""
        if self.everyone:
            return queryset
        return queryset.filter(**{f"{user_field}__in": self.learners})


EVERYONE = Scope()


def scope_for(user, authored):
    """EVERYONE for lead trainers, administrators and the activity's authors; otherwise the trained learners.
    The caller still checks that this scope holds at least one record (404 otherwise)."""
    if sees_everyone(user) or authored:
        return EVERYONE
    return Scope(trained_learners(user))
