"""The page an invitation link opens: join now, or sign up / log in first and join right after."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import invitations


def accept_invitation(request, token):
    try:
        invitation = invitations.resolve(token)
    except invitations.InvitationError as error:
        return render(request, "teams/invitation_invalid.html", {"message": str(error)}, status=404)
    if not request.user.is_authenticated:
        # Remembered so that sign-up (after e-mail confirmation) or login joins the team without a second click.
        request.session[invitations.SESSION_KEY] = token
        return render(
            request,
            "teams/invitation.html",
            {"invitation": invitation, "signup_url": reverse("account_signup"), "login_url": reverse("account_login")},
        )
    if request.method == "POST":
        try:
            invitations.accept(invitation, request.user)
        except invitations.InvitationError as error:
            return render(request, "teams/invitation_invalid.html", {"message": str(error)}, status=404)
        request.session.pop(invitations.SESSION_KEY, None)
        messages.success(request, _("Vous avez rejoint l'équipe « %(team)s ».") % {"team": invitation.team.name})
        return redirect("my_space")
    return render(request, "teams/invitation.html", {"invitation": invitation})
