"""Who may read which journal entry. Every view goes through these querysets.

The rule, kept small on purpose:
- the author reads and edits their own entries, always;
- a trainer reads an entry only once it is shared, and only if they are a trainer *of its course*: the course
  page's owner, or someone who saved a revision of it. An entry linked to no course, once shared, is readable by
  every trainer (the sharing page says so before the learner confirms);
- nobody else: managers, administrators without the trainer role and other learners get a 404.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Cast

from accounts.permissions import Role, has_role


def _course_revisions_by(user):
    from wagtail.models import Page, Revision

    return Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(models.OuterRef("course_id"), models.CharField()),
        user=user,
    )


def can_read_shared_entries(user):
    return user.is_authenticated and has_role(user, Role.TRAINER)


class EntryQuerySet(models.QuerySet):
    def owned_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(author=user)

    def shared_with(self, user):
        """Entries shared with this trainer (their own entries excluded)."""
        if not can_read_shared_entries(user):
            return self.none()
        return (
            self.filter(shared_at__isnull=False)
            .exclude(author=user)
            .filter(
                models.Q(course__isnull=True) | models.Q(course__owner=user) | models.Exists(_course_revisions_by(user))
            )
        )

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.owned_by(user) | self.shared_with(user)


def trainers_for(entry):
    """The people who will read the entry once shared (same rule as EntryQuerySet.shared_with)."""
    from accounts.permissions import ROLE_GROUPS

    User = get_user_model()
    trainers = User.objects.filter(
        is_active=True, groups__name__in=[ROLE_GROUPS[Role.TRAINER], ROLE_GROUPS[Role.LEAD_TRAINER]]
    ).exclude(pk=entry.author_id)
    if entry.course_id is None:
        return trainers.distinct()
    from wagtail.models import Page, Revision

    revision_users = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id=str(entry.course_id)
    ).values("user_id")
    return trainers.filter(models.Q(pk=entry.course.owner_id) | models.Q(pk__in=revision_users)).distinct()
