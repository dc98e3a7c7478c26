"""Live collective debriefs: a trainer plays a published case with a group that votes at each decision.

Plain records, no pages. A session is pinned to the case revision that was live when it started (like a
case attempt), so editing the case during a session never moves the group to a node that no longer exists.
"""

from functools import cached_property

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_admin, is_trainer

# Join codes are read aloud and typed on phones: no 0/O or 1/I to confuse.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


class LiveSessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A trainer sees the sessions they ran; administrators see all; everyone else none."""
        if not user.is_authenticated:
            return self.none()
        if is_admin(user):
            return self
        if is_trainer(user):
            return self.filter(trainer=user)
        return self.none()


class LiveSession(models.Model):
    class Stage(models.TextChoices):
        WAITING = "waiting", _("vote pas encore ouvert")
        VOTING = "voting", _("vote ouvert")
        CLOSED = "closed", _("vote clos")
        ENDED = "ended", _("séance terminée")

    code = models.CharField(_("code"), max_length=CODE_LENGTH, unique=True)
    case = models.ForeignKey("cases.CasePage", on_delete=models.CASCADE, related_name="live_sessions")
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    trainer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_sessions")
    group_name = models.CharField(_("groupe"), max_length=120, blank=True)
    replay_of = models.ForeignKey(
        "self", verbose_name=_("rejoue la séance"), on_delete=models.SET_NULL, null=True, blank=True
    )
    stage = models.CharField(_("étape du vote"), max_length=10, choices=Stage.choices, default=Stage.WAITING)
    current_node_key = models.CharField(_("étape en cours"), max_length=50, blank=True)
    split_shown = models.BooleanField(default=False)
    feedback_shown = models.BooleanField(default=False)
    deadline = models.DateTimeField(_("fin du vote"), null=True, blank=True)
    # Bumped by every trainer action: participant screens redraw only when it changes.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    ended_at = models.DateTimeField(_("terminée le"), null=True, blank=True)

    objects = LiveSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("séance collective")
        verbose_name_plural = _("séances collectives")
        ordering = ["-created_at"]

    def __str__(self):
        return self.code

    @cached_property
    def case_version(self):
        if self.revision_id:
            return self.revision.as_object()
        return self.case.specific

    @property
    def graph(self):
        return self.case_version.graph

    @property
    def current_node(self):
        return self.graph.get(self.current_node_key)

    @property
    def is_ended(self):
        return self.stage == self.Stage.ENDED

    @property
    def choice_order_seed(self):
        """One order of the choices for everyone in this session (drawn per session, not guessable)."""
        return salted_hmac("debrief.choice-order", str(self.pk)).hexdigest()


class Participant(models.Model):
    """Someone in the room: an account, or a guest known only by a pseudonym and a random token kept in the
    guest's session cookie (no personal data)."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="live_participations"
    )
    pseudonym = models.CharField(_("pseudonyme"), max_length=40)
    token = models.CharField(max_length=64, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participant·e")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=Q(user__isnull=False), name="unique_live_participant_user"
            ),
            models.UniqueConstraint(
                fields=["session", "token"], condition=~Q(token=""), name="unique_live_participant_token"
            ),
        ]

    def __str__(self):
        return self.pseudonym

    @property
    def is_guest(self):
        return self.user_id is None


class Step(models.Model):
    """One node visited by the group, in order; the branch followed is recorded when the trainer moves on."""

    class DecidedBy(models.TextChoices):
        MAJORITY = "majority", _("la majorité")
        TRAINER = "trainer", _("la personne qui anime")

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    node_key = models.CharField(max_length=50)
    node_title = models.CharField(max_length=200, blank=True)
    is_ending = models.BooleanField(default=False)
    chosen_key = models.CharField(max_length=50, blank=True)
    chosen_label = models.CharField(max_length=300, blank=True)
    decided_by = models.CharField(max_length=10, choices=DecidedBy.choices, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["session", "position"]
        constraints = [models.UniqueConstraint(fields=["session", "position"], name="unique_live_step_position")]

    def __str__(self):
        return f"{self.session_id} · {self.position} · {self.node_key}"


class Vote(models.Model):
    """One participant's vote at one visited node. The unique constraint is the last guard against double
    counting: (step, participant) is (session, node, participant) for each visit of a node."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="votes")
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="votes")
    node_key = models.CharField(max_length=50)
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    choice_key = models.CharField(max_length=50)
    comment = models.CharField(_("pourquoi ?"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["step", "participant"], name="unique_live_vote")]

    def __str__(self):
        return f"{self.step_id} · {self.participant_id} → {self.choice_key}"
