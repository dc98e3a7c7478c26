"""Whose records a trainer sees on an activity (a case's reasoning report, a quiz's results). One rule, used by
both apps:

- lead trainers and administrators see everyone's records;
- a course trainer (courses.CourseTrainer) sees everyone's records on the activities of the lessons of their
  courses;
- any other trainer sees only the records of the learners of the teams they train (Team.trainers), and gets a 404
  where none of those learners has a record: an activity they neither teach nor follow is not theirs to find;
- learners and managers never reach these pages (403, by the views' role check).

Both links are explicit and audited (teams/scope_audit.py), set by lead trainers and administrators only: writing
or re-saving a page or a quiz widens nobody's scope. Course assignments are read once per request and kept on the
user object (like the roles), so that list pages and the admin's per-row buttons ask the database a fixed number
of times. Models of other apps are looked up lazily
(apps.get_model): core stays below the apps that use it.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
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


def course_activity_keys(user):
    """Activity keys ("case:12", "quiz:3"...) of the lessons of the courses this person is an explicit course
    trainer of (CourseTrainer, set by a lead trainer or an administrator). One query, cached for the request."""

    def compute():
        from wagtail.models import Page

        if not is_trainer(user):
            return frozenset()
        course_trainer = apps.get_model("courses", "CourseTrainer")
        lesson_activity = apps.get_model("progress", "LessonActivity")
        course_paths = course_trainer.objects.filter(trainer=user).values("course__path")
        parent_path = Substr("lesson__path", 1, Length("lesson__path") - Page.steplen)
        keys = (
            lesson_activity.objects.annotate(parent_path=parent_path)
            .filter(parent_path__in=course_paths)
            .values_list("activity_key", flat=True)
        )
        return frozenset(keys)

    return cached_on(user, "_collectif_course_activity_keys", compute)


def activity_ids(keys, kind):
    """The ids in the activity keys of one kind: activity_ids({"case:12", "quiz:3"}, "case") == {12}."""
    prefix = f"{kind}:"
    return {int(key[len(prefix) :]) for key in keys if key.startswith(prefix) and key[len(prefix) :].isdigit()}


def courses_trained_by(user):
    """The ids of the courses this person is an explicit course trainer of, as a subquery."""
    course_trainer = apps.get_model("courses", "CourseTrainer")
    return course_trainer.objects.filter(trainer=user).values("course_id")


def trainers_of(learner_id, course_id=None):
    """The ids of the trainers whose scope covers this learner (on this course, if any): the trainers of the
    learner's teams, and the course's trainers. A subquery of user ids."""
    membership = apps.get_model("teams", "Membership")
    team = apps.get_model("teams", "Team")
    learner_teams = membership.objects.filter(user_id=learner_id, role=membership.Role.MEMBER).values("team_id")
    readers = Q(pk__in=team.trainers.through.objects.filter(team_id__in=learner_teams).values("user_id"))
    if course_id is not None:
        course_trainer = apps.get_model("courses", "CourseTrainer")
        readers |= Q(pk__in=course_trainer.objects.filter(course_id=course_id).values("trainer_id"))
    return get_user_model().objects.filter(readers).values("pk")


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


def scope_for(user, activity_key):
    """EVERYONE for lead trainers, administrators and the course trainers of a course whose lessons hold the
    activity; otherwise the trained learners. The caller still checks that this scope holds at least one record
    (404 otherwise)."""
    if sees_everyone(user) or activity_key in course_activity_keys(user):
        return EVERYONE
    return Scope(trained_learners(user))
