"""Who may read which journal entry. Every view goes through these querysets.

The rule, kept small on purpose:
- the author reads and edits their own entries, always;
- a trainer reads an entry only once it is shared, and only through an explicit, audited link (core/scope.py): a
  course trainer of its course (courses.CourseTrainer), or a trainer of a team the author is a learner of
  (Team.trainers). Writing or revising the course page gives no access. An entry linked to no course reaches only
  the trainers of the author's teams (the sharing page names the readers before the learner confirms);
- nobody else: managers, administrators without the trainer role and other learners get a 404.
"""

from django.db import models

from accounts.permissions import Role, has_role
from core import scope


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
                models.Q(course_id__in=scope.courses_trained_by(user))
                | models.Q(author__in=scope.trained_learners(user))
            )
        )

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.owned_by(user) | self.shared_with(user)


def trainers_for(entry):
    """The people who will read the entry once shared (same rule as EntryQuerySet.shared_with)."""
    from accounts.permissions import users_with_role

    trainers = users_with_role(Role.TRAINER, Role.LEAD_TRAINER).filter(is_active=True).exclude(pk=entry.author_id)
    return trainers.filter(pk__in=scope.trainers_of(entry.author_id, entry.course_id)).distinct()
