"""The members of a team on their own page, 50 at a time, searchable: a manager removes a member after a
confirmation, an administrator designates a manager. Each decision goes to the audit log. Learners join only by
invitation or by an import that creates their account (views/manage.py), never from here."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import User
from accounts.permissions import Role, assign_role, has_role

from .. import audit, scope
from ..forms import TeamDiplomaForm
from ..models import Membership
from .dashboard import manager_required

MEMBERS_PER_PAGE = 50


class ManagerForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Adresse e-mail du compte à désigner responsable"))

    def clean_email(self):
        user = User.objects.filter(email__iexact=self.cleaned_data["email"], is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("Aucun compte actif n'a cette adresse."))
        return user


def memberships_page(team, query, page_number):
    memberships = Membership.objects.filter(team=team).select_related("user").order_by("role", "user__display_name")
    if query:
        memberships = memberships.filter(
            Q(user__display_name__icontains=query)
            | Q(user__email__icontains=query)
            | Q(user__last_name__icontains=query)
        )
    return Paginator(memberships, MEMBERS_PER_PAGE).get_page(page_number)


@manager_required
def member_list(request, team_id):
    team = scope.team_or_404(request.user, team_id)
    is_admin = has_role(request.user, Role.ADMIN)
    form = ManagerForm(request.POST or None) if is_admin else None
    if form is not None and request.method == "POST" and form.is_valid():
        designate_manager(team, form.cleaned_data["email"], request.user)
        messages.success(
            request,
            _("%(name)s est désormais responsable de l'équipe.")
            % {"name": form.cleaned_data["email"].get_display_name()},
        )
        return redirect("teams:members", team.pk)
    query = " ".join(request.GET.get("q", "").split())[:100]
    context = {
        "team": team,
        "query": query,
        "page_obj": memberships_page(team, query, request.GET.get("page")),
        "manager_form": form,
        "diploma_form": TeamDiplomaForm(instance=team),
    }
    return render(request, "teams/members.html", context)


@manager_required
def remove_member(request, team_id, membership_id):
    team = scope.team_or_404(request.user, team_id)
    membership = get_object_or_404(Membership.objects.select_related("user"), team=team, pk=membership_id)
    if membership.role == Membership.Role.MANAGER and not has_role(request.user, Role.ADMIN):
        messages.error(request, _("Seul·e un·e administrateur·rice retire un·e responsable d'équipe."))
        return redirect("teams:members", team.pk)
    if request.method == "POST":
        with transaction.atomic():
            membership.delete()
            audit.log_removed(team, membership, request.user)
        messages.success(
            request, _("%(name)s ne fait plus partie de l'équipe.") % {"name": membership.user.get_display_name()}
        )
        return redirect("teams:members", team.pk)
    return render(request, "teams/member_remove.html", {"team": team, "membership": membership})


@manager_required
@require_POST
def set_diploma(request, team_id):
    """The diploma the team prepares: members who chose none read the competence titles of this one."""
    team = scope.team_or_404(request.user, team_id)
    form = TeamDiplomaForm(request.POST, instance=team)
    if form.is_valid():
        form.save()
        messages.success(request, _("Le diplôme de l'équipe est enregistré."))
    else:
        messages.error(request, _("Choisissez un diplôme de la liste, ou aucun."))
    return redirect("teams:members", team.pk)


@transaction.atomic
def designate_manager(team, user, admin):
    """An administrator's decision, audited: the person manages the team (and gets the manager role)."""
    membership, created = Membership.objects.get_or_create(team=team, user=user, role=Membership.Role.MANAGER)
    if created:
        assign_role(user, Role.MANAGER)
        audit.log_manager_designated(team, user, admin)
    return membership
