"""Organisation → team → members; a membership carries the role in the team (member or manager)."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel

from core.mail import is_undeliverable
from core.text_input import validate_single_line

INVITATION_VALIDITY = timedelta(days=14)


class Organisation(models.Model):
    """A CCAS, an association, a training school: the employer the teams belong to."""

    name = models.CharField(_("nom"), max_length=200, unique=True, validators=[validate_single_line])
    city = models.CharField(_("ville"), max_length=120, blank=True)

    panels = [FieldPanel("name"), FieldPanel("city")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class TeamQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The teams a person may supervise: the ones they manage; administrators see every team."""
        from accounts.permissions import is_admin

        if not user.is_authenticated:
            return self.none()
        if is_admin(user):
            return self.all()
        return self.filter(memberships__user=user, memberships__role=Membership.Role.MANAGER).distinct()


class Team(ClusterableModel):
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="teams"
    )
    name = models.CharField(_("nom"), max_length=200, validators=[validate_single_line])
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("formateur·rices"),
        blank=True,
        related_name="trained_teams",
        help_text=_("Les formateur·rices qui animent les formations de cette équipe (groupe, promotion)."),
    )
    diploma = models.ForeignKey(
        "core.Framework",
        verbose_name=_("diplôme de l'équipe"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="teams",
        help_text=_(
            "Les membres qui n'ont pas choisi leur diplôme lisent les domaines de compétences avec ses intitulés."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TeamQuerySet.as_manager()

    # Members are not form fields here (a team of 1,000 would exceed the request's field limit): they are listed,
    # removed and given managers on the team's own members page (teams/views/members.py).
    panels = [FieldPanel("organisation"), FieldPanel("name"), FieldPanel("diploma"), FieldPanel("trainers")]

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("équipe")
        verbose_name_plural = _("équipes")
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="unique_team_name")]

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    def member_users(self):
        from accounts.models import User

        return User.objects.filter(team_memberships__team=self, team_memberships__role=Membership.Role.MEMBER)


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("membre")
        MANAGER = "manager", _("responsable")

    team = ParentalKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="team_memberships",
    )
    role = models.CharField(_("rôle dans l'équipe"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("arrivée"), auto_now_add=True)

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta:
        verbose_name = _("appartenance à une équipe")
        verbose_name_plural = _("membres")
        constraints = [models.UniqueConstraint(fields=["team", "user", "role"], name="unique_membership")]
        indexes = [models.Index(fields=["team", "role"])]

    def __str__(self):
        return f"{self.user} · {self.team} · {self.get_role_display()}"


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Neither accepted nor declined (possibly expired): the one a new invitation renews."""
        return self.filter(accepted_at__isnull=True, declined_at__isnull=True)

    def pending(self):
        return self.open().filter(created_at__gte=timezone.now() - INVITATION_VALIDITY)


class Invitation(models.Model):
    """An e-mail invitation to join a team; its link carries a signed token and works once, and only for the
    account of the invited address, who accepts or declines it (nobody joins a team without consenting)."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("adresse e-mail"))
    first_name = models.CharField(_("prénom"), max_length=150, blank=True, validators=[validate_single_line])
    last_name = models.CharField(_("nom"), max_length=150, blank=True, validators=[validate_single_line])
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declined_at = models.DateTimeField(_("refusée le"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "email"],
                condition=Q(accepted_at__isnull=True, declined_at__isnull=True),
                name="one_pending_invitation",
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.team}"

    @property
    def addressee(self):
        """Who is invited, as the manager reads it: the address, or the name for an account a learning platform
        made (its placeholder address receives nothing: the invitation waits on the person's « Mon espace »)."""
        if not is_undeliverable(self.email):
            return self.email
        name = f"{self.first_name} {self.last_name}".strip()
        return _("%(name)s (compte créé par une plateforme : invitation sur « Mon espace »)") % {"name": name or "?"}

    @property
    def expires_at(self):
        return self.created_at + INVITATION_VALIDITY

    @property
    def is_expired(self):
        return timezone.now() > self.expires_at

    @property
    def state(self):
        if self.accepted_at:
            return "accepted"
        if self.declined_at:
            return "declined"
        return "expired" if self.is_expired else "pending"
