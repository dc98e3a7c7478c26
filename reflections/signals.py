"""Keep the learners' cached "Mon espace" in step with journal records that point at them indirectly."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.cache_versions import learner_changed

from .models import Contribution, Feedback, PracticeSession


@receiver([post_save, post_delete], sender=Feedback)
def feedback_changed(sender, instance, **kwargs):
    """A trainer's feedback shows on the entry author's page (the generic receiver only sees its author)."""
    learner_changed(instance.entry.author_id, "reflections")


def _team_members_changed(team_id):
    from teams.models import Membership

    for user_id in Membership.objects.filter(team_id=team_id).values_list("user_id", flat=True):
        learner_changed(user_id, "reflections")


@receiver([post_save, post_delete], sender=PracticeSession)
def session_changed(sender, instance, **kwargs):
    """Open sessions and their contribution counts show to every member of the team."""
    _team_members_changed(instance.team_id)


@receiver([post_save, post_delete], sender=Contribution)
def contribution_changed(sender, instance, **kwargs):
    _team_members_changed(instance.session.team_id)
