"""E-mail invitations to join a team: a signed link, valid 14 days, answered once by the invited address.

Nobody joins a team without consenting: the person signed in with the invited address reads who invites them and
what the team's managers will see, then accepts or declines. Another account is refused; nothing is accepted at
login or sign-up on their behalf.
"""

from allauth.account.models import EmailAddress
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.links import absolute_url
from core.mail import render_email

from . import audit
from .assigning import add_member
from .models import Invitation
from .models.organisations import INVITATION_VALIDITY

SALT = "teams.invitation"


class InvitationError(Exception):
    """Raised with a French message the view shows as is."""


class WrongAccount(InvitationError):
    """The signed-in account is not the invited address's."""


def make_token(invitation):
    return signing.dumps(str(invitation.token), salt=SALT, compress=True)


def invitation_path(invitation):
    return reverse("teams:invitation", args=[make_token(invitation)])


def invitation_url(invitation):
    return absolute_url(invitation_path(invitation))


@transaction.atomic
def create_invitation(team, email, invited_by=None, first_name="", last_name="", send=True):
    """Create (or renew) the pending invitation of an address to a team, and send it (unless send=False). One
    transaction: when the e-mail cannot be sent, no invitation is left behind that nobody received."""
    email = email.strip().lower()
    invitation = Invitation.objects.open().filter(team=team, email=email).first()
    if invitation is None:
        invitation = Invitation.objects.create(
            team=team, email=email, invited_by=invited_by, first_name=first_name, last_name=last_name
        )
    else:
        invitation.created_at = timezone.now()
        invitation.save(update_fields=["created_at"])
    if send:
        send_invitation(invitation)
    return invitation


def send_invitation(invitation):
    with translation.override("fr"):
        context = {
            "invitation": invitation,
            "url": invitation_url(invitation),
            "days": INVITATION_VALIDITY.days,
            "inviter": invitation.invited_by.get_display_name() if invitation.invited_by else "",
        }
        subject, body = render_email("teams/emails/invitation", context)
    send_mail(subject, body, None, [invitation.email])


def send_invitations(invitation_ids):
    """Send the invitations an import created (run after the import's transaction committed)."""
    invitations = Invitation.objects.filter(pk__in=invitation_ids).select_related("team__organisation", "invited_by")
    for invitation in invitations:
        send_invitation(invitation)
    return len(invitations)


def addresses_of(user):
    """The addresses this account answers for: its e-mail and its other verified addresses, lower-cased."""
    verified = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {user.email.lower(), *(email.lower() for email in verified)}


def is_addressed_to(invitation, user):
    return user.is_authenticated and invitation.email.lower() in addresses_of(user)


def pending_for(user):
    """The invitations waiting for this person's answer, newest first."""
    return (
        Invitation.objects.pending()
        .filter(email__in=addresses_of(user))
        .select_related("team__organisation", "invited_by")
        .order_by("-created_at")
    )


def resolve(token):
    """The invitation behind a link, or InvitationError with a clear message."""
    try:
        raw = signing.loads(token, salt=SALT, max_age=INVITATION_VALIDITY)
    except signing.SignatureExpired as exc:
        raise InvitationError(
            _("Ce lien d'invitation a expiré. Demandez à votre responsable de vous inviter à nouveau.")
        ) from exc
    except signing.BadSignature as exc:
        raise InvitationError(_("Ce lien d'invitation n'est pas valide. Vérifiez qu'il est complet.")) from exc
    invitation = Invitation.objects.select_related("team__organisation", "invited_by").filter(token=raw).first()
    if invitation is None:
        raise InvitationError(
            _("Cette invitation n'existe plus. Demandez à votre responsable de vous inviter à nouveau.")
        )
    _check_open(invitation)
    if invitation.is_expired:
        raise InvitationError(
            _("Ce lien d'invitation a expiré. Demandez à votre responsable de vous inviter à nouveau.")
        )
    return invitation


def _check_open(invitation):
    if invitation.accepted_at:
        raise InvitationError(_("Cette invitation a déjà été acceptée. Connectez-vous pour retrouver votre équipe."))
    if invitation.declined_at:
        raise InvitationError(_("Cette invitation a été refusée : elle ne peut plus servir."))


def _lock_for_answer(invitation, user):
    if not is_addressed_to(invitation, user):
        raise WrongAccount(_("Cette invitation est adressée à une autre adresse e-mail que celle de votre compte."))
    locked = Invitation.objects.select_for_update().select_related("team").get(pk=invitation.pk)
    _check_open(locked)
    return locked


@transaction.atomic
def accept(invitation, user):
    """The invited person joins the team, once; another account is refused (WrongAccount)."""
    locked = _lock_for_answer(invitation, user)
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    if not user.first_name and locked.first_name:
        user.first_name, user.last_name = locked.first_name, locked.last_name
        user.save(update_fields=["first_name", "last_name"])
    add_member(locked.team, user)
    audit.log_joined(locked.team, user, locked)
    return locked


@transaction.atomic
def decline(invitation, user):
    """The invited person says no: never a member through this invitation, and an import does not ask again."""
    locked = _lock_for_answer(invitation, user)
    locked.declined_at = timezone.now()
    locked.save(update_fields=["declined_at"])
    audit.log_declined(locked.team, user, locked)
    return locked
