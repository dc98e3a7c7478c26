"""Every change of a trainer's reading scope (core/scope.py) goes to Wagtail's audit log, whatever the path: the
admin, a shell, the demo loader, or either side of Team.trainers. Signals rather than view code, so that no path
forgets; the acting user comes from Wagtail's log context (set by every admin view) when not given.

It lives in teams, the lowest app that sees both links (courses' trainers and teams' trainers)."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

COURSE_TRAINER_ADDED = "collectif.scope.course_trainer_added"
COURSE_TRAINER_REMOVED = "collectif.scope.course_trainer_removed"
TEAM_TRAINER_ADDED = "collectif.scope.team_trainer_added"
TEAM_TRAINER_REMOVED = "collectif.scope.team_trainer_removed"

# (action, label, message) for the register_log_actions hook (core/wagtail_hooks.py).
LOG_ACTIONS = (
    (COURSE_TRAINER_ADDED, _("Formateur·rice ajouté·e au module"), _("Formateur·rice ajouté·e au module")),
    (COURSE_TRAINER_REMOVED, _("Formateur·rice retiré·e du module"), _("Formateur·rice retiré·e du module")),
    (TEAM_TRAINER_ADDED, _("Formateur·rice ajouté·e à l'équipe"), _("Formateur·rice ajouté·e à l'équipe")),
    (TEAM_TRAINER_REMOVED, _("Formateur·rice retiré·e de l'équipe"), _("Formateur·rice retiré·e de l'équipe")),
)


def log_course_trainer(assignment, action, course_id=None, trainer_id=None):
    course_id = course_id or assignment.course_id
    trainer_id = trainer_id or assignment.trainer_id
    user_model = apps.get_model("accounts", "User")
    trainer = user_model.objects.filter(pk=trainer_id).first()
    course = apps.get_model("courses", "CoursePage").objects.filter(pk=course_id).first()
    log(
        instance=assignment,
        action=action,
        user=assignment.assigned_by if action == COURSE_TRAINER_ADDED and assignment.assigned_by_id else None,
        title=str(trainer) if trainer else str(trainer_id),
        data={
            "course_id": course_id,
            "course": course.title if course else "",
            "trainer_id": trainer_id,
            "trainer": trainer.email if trainer else "",
        },
    )


def course_trainer_changing(sender, instance, raw=False, **kwargs):
    """An edited assignment that now names another course or trainer: the old link is removed."""
    if raw or instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values("course_id", "trainer_id").first()
    if before and (before["course_id"], before["trainer_id"]) != (instance.course_id, instance.trainer_id):
        log_course_trainer(instance, COURSE_TRAINER_REMOVED, before["course_id"], before["trainer_id"])
        instance._collectif_scope_changed = True


def course_trainer_saved(sender, instance, created, raw=False, **kwargs):
    if not raw and (created or getattr(instance, "_collectif_scope_changed", False)):
        log_course_trainer(instance, COURSE_TRAINER_ADDED)


def course_trainer_deleted(sender, instance, **kwargs):
    log_course_trainer(instance, COURSE_TRAINER_REMOVED)


def log_team_trainers(team, action, trainer_ids):
    for trainer in apps.get_model("accounts", "User").objects.filter(pk__in=trainer_ids):
        log(instance=team, action=action, title=str(trainer), data={"trainer_id": trainer.pk, "trainer": trainer.email})


def team_trainers_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Team.trainers changed, from the team (team.trainers.add) or from the user (user.trained_teams.add)."""
    team_model = apps.get_model("teams", "Team")
    if action == "pre_clear":
        # post_clear does not say who was removed: read it before.
        pk_set = set(
            sender.objects.filter(**{"user_id" if reverse else "team_id": instance.pk}).values_list(
                "team_id" if reverse else "user_id", flat=True
            )
        )
        action = "post_remove"
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    logged = TEAM_TRAINER_ADDED if action == "post_add" else TEAM_TRAINER_REMOVED
    if reverse:
        for team in team_model.objects.filter(pk__in=pk_set):
            log_team_trainers(team, logged, [instance.pk])
    else:
        log_team_trainers(instance, logged, pk_set)


def connect():
    course_trainer = apps.get_model("courses", "CourseTrainer")
    team_trainers = apps.get_model("teams", "Team").trainers.through
    pre_save.connect(course_trainer_changing, sender=course_trainer, dispatch_uid="core.scope.course_trainer_pre")
    post_save.connect(course_trainer_saved, sender=course_trainer, dispatch_uid="core.scope.course_trainer_saved")
    post_delete.connect(course_trainer_deleted, sender=course_trainer, dispatch_uid="core.scope.course_trainer_gone")
    m2m_changed.connect(team_trainers_changed, sender=team_trainers, dispatch_uid="core.scope.team_trainers")
