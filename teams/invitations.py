"""E-mail invitations to join a team: a signed link, valid 14 days, accepted once."""

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .assigning import add_member
from .models import Invitation
from .models.organisations import INVITATION_VALIDITY

SALT = "teams.invitation"
SESSION_KEY = "teams_pending_invitation"


class InvitationError(Exception):
    """Raised with a French message the view shows as is."""


def make_token(invitation):
    return signing.dumps(str(invitation.token), salt=SALT, compress=True)


def invitation_url(invitation):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("teams:invitation", args=[make_token(invitation)])


def create_invitation(team, email, invited_by=None, first_name="", last_name=""):
    """Create (or renew) the pending invitation of an address to a team, and send it."""
    email = email.strip().lower()
    invitation = Invitation.objects.filter(team=team, email=email, accepted_at__isnull=True).first()
    if invitation is None:
        invitation = Invitation.objects.create(
            team=team, email=email, invited_by=invited_by, first_name=first_name, last_name=last_name
        )
    else:
        invitation.created_at = timezone.now()
        invitation.save(update_fields=["created_at"])
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
        subject = render_to_string("teams/emails/invitation_subject.txt", context).strip()
        body = render_to_string("teams/emails/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


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
    invitation = Invitation.objects.select_related("team__organisation").filter(token=raw).first()
    if invitation is None:
        raise InvitationError(
            _("Cette invitation n'existe plus. Demandez à votre responsable de vous inviter à nouveau.")
        )
    if invitation.accepted_at:
        raise InvitationError(_("Cette invitation a déjà été acceptée. Connectez-vous pour retrouver votre équipe."))
    if invitation.is_expired:
        raise InvitationError(
            _("Ce lien d'invitation a expiré. Demandez à votre responsable de vous inviter à nouveau.")
        )
    return invitation


@transaction.atomic
def accept(invitation, user):
    """Join the team once; a second acceptance of the same invitation is refused."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at:
        raise InvitationError(_("Cette invitation a déjà été acceptée. Connectez-vous pour retrouver votre équipe."))
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    if not user.first_name and locked.first_name:
        user.first_name, user.last_name = locked.first_name, locked.last_name
        user.save(update_fields=["first_name", "last_name"])
    add_member(locked.team, user)
    return locked


def accept_pending_from_session(request, user):
    """After sign-up or login, join the team whose invitation link the visitor opened first."""
    token = request.session.pop(SESSION_KEY, None) if hasattr(request, "session") else None
    if not token:
        return None
    try:
        invitation = accept(resolve(token), user)
    except InvitationError:
        return None
    messages.success(request, _("Vous avez rejoint l'équipe « %(team)s ».") % {"team": invitation.team.name})
    return invitation
