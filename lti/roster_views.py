"""« Importer depuis la plateforme » on a team: choose a course, read its learners, check the list, confirm."""

from django import forms
from django.contrib import messages
from django.core import signing
from django.db import DatabaseError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.permissions import Role, role_required
from teams import scope

from . import roster


class CourseField(forms.ModelChoiceField):
    def label_from_instance(self, course):
        label = f"{course} ({course.label})" if course.label and course.label != course.title else str(course)
        return _("%(course)s — %(platform)s, dernier lancement le %(date)s") % {
            "course": label,
            "platform": course.platform.name,
            "date": formats.date_format(timezone.localtime(course.last_launch_at), "SHORT_DATE_FORMAT"),
        }


class CourseChoiceForm(forms.Form):
    course = CourseField(
        label=gettext_lazy("Cours de la plateforme"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": gettext_lazy("Choisissez un cours."),
            "invalid_choice": gettext_lazy("Choisissez un cours de la liste."),
        },
    )

    def __init__(self, team, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = roster.courses_for(team).order_by("-last_launch_at")


@role_required(Role.MANAGER, Role.TRAINER, Role.ADMIN)
def import_roster(request, team_id):
    """Managers of the team (administrators: every team) and its trainers; anybody else gets a 404."""
    team = get_object_or_404(roster.importable_teams(request.user).select_related("organisation"), pk=team_id)
    manages = scope.visible_teams(request.user).filter(pk=team.pk).exists()  # else the team's trainer
    if request.method == "POST" and "liste" in request.POST:
        return _confirm(request, team, manages)
    form = CourseChoiceForm(team, request.POST or None)
    if request.method == "POST" and form.is_valid():
        course = form.cleaned_data["course"]
        try:
            learners = roster.fetch_roster(course)
        except roster.RosterUnavailable as error:
            messages.error(request, str(error))
        else:
            return _preview(request, team, course, learners, manages)
    return render(request, "lti/roster_choose.html", {"team": team, "form": form, "manages": manages})


def _preview(request, team, course, learners, manages):
    plan = roster.plan_import(team, course, learners.learners)
    context = {
        "team": team,
        "course": course,
        "plan": plan,
        "rows": list(plan.rows()),
        "left_out": learners.left_out,
        "payload": roster.sign_entries(team, course, learners.learners),
        "manages": manages,
    }
    return render(request, "lti/roster_preview.html", context)


def _confirm(request, team, manages):
    try:
        course_id, entries = roster.entries_from(request.POST["liste"], team)
    except signing.BadSignature:
        messages.error(
            request, _("Cette liste a expiré ou n'est pas valide : relisez la liste des participant·es du cours.")
        )
        return redirect("lti:team_import", team.pk)
    course = roster.courses_for(team).filter(pk=course_id).first()
    if course is None:
        messages.error(request, _("Ce cours n'est plus proposé pour cette équipe."))
        return redirect("lti:team_import", team.pk)
    try:
        plan = roster.import_roster(team, course, entries, request.user)
    except DatabaseError:
        messages.error(request, _("L'import n'a pas pu être enregistré : personne n'a été importé. Réessayez."))
        return redirect("lti:team_import", team.pk)
    messages.success(request, import_summary(course, plan))
    # Trainers do not open the team's member list (a manager's page): they stay on the import page.
    return redirect("teams:members" if manages else "lti:team_import", team.pk)


def import_summary(course, plan):
    added = ngettext(
        "%(count)s personne ajoutée (compte créé pour l'équipe ; elle se connecte depuis la plateforme)",
        "%(count)s personnes ajoutées (comptes créés pour l'équipe ; elles se connectent depuis la plateforme)",
        len(plan.new),
    ) % {"count": len(plan.new)}
    invited = ngettext(
        "%(count)s invitation (compte existant : la personne rejoindra l'équipe seulement si elle accepte)",
        "%(count)s invitations (comptes existants : chaque personne rejoindra l'équipe seulement si elle accepte)",
        len(plan.invite),
    ) % {"count": len(plan.invite)}
    members = ngettext("%(count)s déjà membre", "%(count)s déjà membres", len(plan.already_members)) % {
        "count": len(plan.already_members)
    }
    return _("Import du cours « %(course)s » : %(added)s, %(invited)s, %(members)s.") % {
        "course": course,
        "added": added,
        "invited": invited,
        "members": members,
    }
