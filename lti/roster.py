"""Names and Role Provisioning Services: a team's manager imports the learners of a platform's course.

A launch that offers the course's member list (the NRPS claim) makes the course known (`LtiCourse`). The managers
of the teams of the platform's organisation may then read that list and import its learners, the same way a CSV
import works: a person the platform has never launched gets an account made for the team (matched later by
(issuer, sub), never by e-mail) and is added, audited; a person who already has an account is only invited and
joins if they accept. Teachers and inactive members are left out. The team's trainers may import too: their
decision is audited like a manager's.
"""

import logging
from dataclasses import dataclass, field

import requests
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from pylti1p3.exception import LtiException, LtiServiceException
from pylti1p3.names_roles import NamesRolesProvisioningService
from pylti1p3.service_connector import ServiceConnector
from wagtail.log_actions import log

from teams import invitations
from teams.assigning import add_new_accounts
from teams.models import Invitation, Team
from teams.tasks import send_invitations_task

from .launch import placeholder_email, unsaved_account
from .models import LtiCourse, LtiIdentity
from .toolconf import PlatformToolConf

logger = logging.getLogger(__name__)

NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
CONTEXT_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/context"
LEARNER_ROLES = {"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", "Learner"}
TEACHING_ROLES = {
    "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
    "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper",
    "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator",
    "Instructor",
    "ContentDeveloper",
    "Administrator",
}
MAX_LEARNERS = 2000  # as many as a CSV import
MAX_PAGES = 100  # a platform whose "next page" never ends is stopped here
REQUEST_TIMEOUT = 10  # seconds per call: the manager waits for the answer
PAYLOAD_SALT = "lti.roster"
PAYLOAD_MAX_AGE = 3600
IMPORTED = "lti.roster.import"


class RosterUnavailable(Exception):
    """Raised with a French message the view shows as is."""


def remember_course(platform, claims):
    """Keep the course of a valid launch when the platform offers its member list; None otherwise."""
    service, context = claims.get(NRPS_CLAIM), claims.get(CONTEXT_CLAIM)
    if not isinstance(service, dict) or not isinstance(context, dict):
        return None
    url, context_id = service.get("context_memberships_url"), context.get("id")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")) or not context_id:
        return None
    course, _ = LtiCourse.objects.update_or_create(
        platform=platform,
        context_id=str(context_id)[:255],
        defaults={
            "title": single_line(context.get("title")),
            "label": single_line(context.get("label")),
            "memberships_url": url[:500],
            "last_launch_at": timezone.now(),
        },
    )
    return course


def importable_teams(user):
    """The teams a person may import a platform course into: those they manage (every team for administrators)
    and those they train (Team.trainers, an explicit assignment)."""
    trained = Team.trainers.through.objects.filter(user_id=user.pk).values("team_id")
    return Team.objects.filter(Q(pk__in=Team.objects.visible_to(user).values("pk")) | Q(pk__in=trained))


def trained_teams_with_platform(user):
    """The teams this person trains whose organisation has a learning platform: the « Mon espace » shortcut."""
    trained = Team.trainers.through.objects.filter(user_id=user.pk).values("team_id")
    with_platform = Team.objects.filter(pk__in=trained, organisation__lti_platforms__isnull=False)
    return with_platform.distinct().select_related("organisation").order_by("organisation__name", "name")


def courses_for(team):
    """The platform courses whose learners may go into this team: those of its organisation's platforms."""
    return LtiCourse.objects.filter(platform__organisation_id=team.organisation_id).select_related("platform")


def single_line(value, limit=150):
    """A name as the platform sent it, without control characters or line breaks, cut to the field's size."""
    text = "".join(character if character.isprintable() else " " for character in str(value or ""))
    return " ".join(text.split())[:limit]


@dataclass(frozen=True)
class RosterEntry:
    sub: str
    given_name: str = ""
    family_name: str = ""
    name: str = ""

    @property
    def display_name(self):
        return self.name or f"{self.given_name} {self.family_name}".strip() or self.sub

    def as_list(self):
        return [self.sub, self.given_name, self.family_name, self.name]


@dataclass
class Roster:
    learners: list = field(default_factory=list)
    left_out: int = 0  # teachers, and members the platform marks inactive


class _TimeoutSession(requests.Session):
    """pylti1p3 calls requests without a timeout: a platform that hangs must not hold the manager's page."""

    def request(self, *args, **kwargs):
        kwargs.setdefault("timeout", REQUEST_TIMEOUT)
        return super().request(*args, **kwargs)


def fetch_roster(course):
    """The course's learners, read from the platform page by page; RosterUnavailable when it does not answer."""
    registration = PlatformToolConf().registration_for(course.platform)
    service = NamesRolesProvisioningService(
        ServiceConnector(registration, requests_session=_TimeoutSession()),
        {"context_memberships_url": course.memberships_url},
    )
    members, url = [], course.memberships_url
    try:
        for _page in range(MAX_PAGES):
            page, url = service.get_members_page(url)
            members.extend(page)
            if not url:
                break
    except (LtiServiceException, LtiException, requests.RequestException, ValueError, KeyError, TypeError):
        logger.warning("NRPS member list refused or unreadable (course %s)", course.pk, exc_info=True)
        raise RosterUnavailable(
            _(
                "La plateforme n'a pas donné la liste des participant·es de ce cours. Vérifiez que le service « Noms "
                "et rôles » (NRPS) est activé pour Collectif sur la plateforme, puis réessayez."
            )
        ) from None
    roster = read_members(members)
    if len(roster.learners) > MAX_LEARNERS:
        raise RosterUnavailable(_("Ce cours compte plus de 2 000 apprenant·es : l'import est limité à 2 000."))
    return roster


def read_members(members):
    """The active learners of a member list (once each, in the platform's order), and how many were left out."""
    roster, seen = Roster(), set()
    for member in members:
        if not isinstance(member, dict):
            continue
        sub = str(member.get("user_id") or "")[:255]
        roles = member.get("roles")
        roles = {role for role in roles if isinstance(role, str)} if isinstance(roles, list) else set()
        active = member.get("status", "Active") == "Active"
        if not sub or sub in seen:
            continue
        seen.add(sub)
        if not active or not roles & LEARNER_ROLES or roles & TEACHING_ROLES:
            roster.left_out += 1
            continue
        roster.learners.append(
            RosterEntry(
                sub=sub,
                given_name=single_line(member.get("given_name")),
                family_name=single_line(member.get("family_name")),
                name=single_line(member.get("name")),
            )
        )
    return roster


@dataclass
class ImportPlan:
    """What importing a list would do, person by person (recomputed when the manager confirms)."""

    new: list = field(default_factory=list)  # RosterEntry: an account made for the team
    invite: list = field(default_factory=list)  # (RosterEntry, User): existing account, asked to accept
    already_members: list = field(default_factory=list)
    declined: list = field(default_factory=list)  # declined an invitation to this team: not asked again
    disabled: list = field(default_factory=list)  # the account is deactivated

    def rows(self):
        """(entry, what happens) for the preview table, in a stable order."""
        labels = (
            (self.new, _("Compte créé pour l'équipe et ajouté")),
            (self.invite, _("Compte existant : invitation, ajout seulement si la personne accepte")),
            (self.already_members, _("Déjà membre de l'équipe")),
            (self.declined, _("A déjà refusé une invitation à cette équipe : pas de nouvelle invitation")),
            (self.disabled, _("Compte désactivé : rien n'est fait")),
        )
        for group, label in labels:
            for item in group:
                entry = item[0] if isinstance(item, tuple) else item
                yield entry, label


def plan_import(team, course, entries):
    issuer = course.platform.issuer
    identities = LtiIdentity.objects.filter(issuer=issuer, sub__in=[entry.sub for entry in entries])
    users_by_sub = {identity.sub: identity.user for identity in identities.select_related("user")}
    members = set(
        team.member_users().filter(pk__in=[user.pk for user in users_by_sub.values()]).values_list("pk", flat=True)
    )
    emails = [user.email for user in users_by_sub.values()]
    declined = set(
        Invitation.objects.filter(team=team, email__in=emails, declined_at__isnull=False).values_list(
            "email", flat=True
        )
    )
    plan = ImportPlan()
    for entry in entries:
        user = users_by_sub.get(entry.sub)
        if user is None:
            plan.new.append(entry)
        elif not user.is_active:
            plan.disabled.append((entry, user))
        elif user.pk in members:
            plan.already_members.append((entry, user))
        elif user.email in declined:
            plan.declined.append((entry, user))
        else:
            plan.invite.append((entry, user))
    return plan


@transaction.atomic
def import_roster(team, course, entries, manager):
    """Carry out the plan: accounts made and added (audited one by one), invitations created (sent after commit;
    they also wait on the person's « Mon espace »), one audit entry."""
    plan = plan_import(team, course, entries)
    platform = course.platform
    accounts = [
        unsaved_account(platform.issuer, entry.sub, entry.given_name, entry.family_name, entry.name)
        for entry in plan.new
    ]
    created = add_new_accounts(team, accounts, manager)
    user_by_email = {user.email: user for user in created}
    LtiIdentity.objects.bulk_create(
        [
            LtiIdentity(
                issuer=platform.issuer,
                sub=entry.sub,
                platform=platform,
                user=user_by_email[placeholder_email(platform.issuer, entry.sub)],
            )
            for entry in plan.new
        ]
    )
    invitation_ids = [
        invitations.create_invitation(
            team, user.email, invited_by=manager, first_name=user.first_name, last_name=user.last_name, send=False
        ).pk
        for _entry, user in plan.invite
    ]
    if invitation_ids:  # the mail backend leaves out placeholder addresses: those wait on « Mon espace »
        transaction.on_commit(lambda: send_invitations_task.enqueue(invitation_ids))
    log(
        team,
        IMPORTED,
        user=manager,
        data={
            "course": str(course),
            "platform": platform.name,
            "created": len(created),
            "invited": len(invitation_ids),
            "already_members": len(plan.already_members),
        },
    )
    return plan


def sign_entries(team, course, entries):
    """The list read from the platform, carried by the confirmation form (signed: the browser cannot add anyone)."""
    payload = {"team": team.pk, "course": course.pk, "learners": [entry.as_list() for entry in entries]}
    return signing.dumps(payload, salt=PAYLOAD_SALT, compress=True)


def entries_from(token, team):
    """(course id, entries) of a signed list for this team; signing.BadSignature when forged, expired or another
    team's."""
    payload = signing.loads(token, salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE)
    if payload.get("team") != team.pk:
        raise signing.BadSignature("another team's list")
    return payload["course"], [RosterEntry(*values) for values in payload["learners"]]
