"""The page an invitation link opens: who invites, what the managers will see, and the person's answer.

Only the account of the invited address may answer; anyone else gets a 403 page saying which account is signed
in. A visitor who must log in or sign up first comes back here afterwards and answers here (never silently).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.adapter import RESUME_AFTER_LOGIN

from .. import invitations


def accept_invitation(request, token):
    if request.session.get(RESUME_AFTER_LOGIN) == request.path and request.user.is_authenticated:
        request.session.pop(RESUME_AFTER_LOGIN)  # back here after login: shown once, answered by a click
    try:
        invitation = invitations.resolve(token)
    except invitations.InvitationError as error:
        return _invalid(request, error)
    if not request.user.is_authenticated:
        request.session[RESUME_AFTER_LOGIN] = request.path
        context = {
            "invitation": invitation,
            "signup_url": reverse("account_signup") + "?" + urlencode({"email": invitation.email}),
            "login_url": reverse("account_login"),
        }
        return render(request, "teams/invitation.html", context)
    if not invitations.is_addressed_to(invitation, request.user):
        return _wrong_account(request, invitation)
    if request.method == "POST":
        return _answer(request, invitation)
    return render(request, "teams/invitation.html", {"invitation": invitation})


def _answer(request, invitation):
    decision = request.POST.get("decision")
    if decision not in ("accept", "decline"):
        return render(request, "teams/invitation.html", {"invitation": invitation}, status=400)
    try:
        if decision == "accept":
            invitations.accept(invitation, request.user)
            messages.success(request, _("Vous avez rejoint l'équipe « %(team)s ».") % {"team": invitation.team.name})
        else:
            invitations.decline(invitation, request.user)
            messages.info(
                request,
                _("Vous avez refusé l'invitation de l'équipe « %(team)s ». Vous n'en faites pas partie.")
                % {"team": invitation.team.name},
            )
    except invitations.WrongAccount:
        return _wrong_account(request, invitation)
    except invitations.InvitationError as error:
        return _invalid(request, error)
    return redirect("my_space")


def _invalid(request, error):
    return render(request, "teams/invitation_invalid.html", {"message": str(error)}, status=404)


def _wrong_account(request, invitation):
    return render(request, "teams/invitation_wrong_account.html", {"invitation": invitation}, status=403)
