from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text_input import validate_single_line
from courses.models import CoursePage

from .csv_import import MAX_BYTES
from .matrix import SORTS, CellStatus
from .models import NotificationPreference, Team


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail"), widget=forms.EmailInput(attrs={"autocomplete": "off"}))
    first_name = forms.CharField(label=_("Prénom"), max_length=150, required=False, validators=[validate_single_line])
    last_name = forms.CharField(label=_("Nom"), max_length=150, required=False, validators=[validate_single_line])


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV"),
        help_text=_(
            "Colonnes obligatoires : email, prenom, nom (séparées par des virgules "
            "ou des points-virgules). 512 Ko au plus."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 512 Ko : découpez-le en plusieurs fichiers."))
        if not uploaded.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Choisissez un fichier .csv."))
        return uploaded


class AssignmentForm(forms.Form):
    courses = forms.ModelMultipleChoiceField(
        label=_("Modules à affecter"),
        queryset=CoursePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    due_date = forms.DateField(
        label=_("Échéance"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("La date à laquelle le module doit être terminé."),
    )
    remind_days_before = forms.IntegerField(
        label=_("Rappel avant l'échéance (jours)"),
        min_value=0,
        max_value=90,
        initial=7,
        help_text=_("0 : pas de rappel avant l'échéance. Un rappel part aussi quand l'échéance est dépassée."),
    )
    target = forms.ChoiceField(
        label=_("Pour qui ?"),
        choices=[
            ("team", _("Toute l'équipe (y compris les futures arrivées)")),
            ("members", _("Les personnes choisies")),
        ],
        initial="team",
        widget=forms.RadioSelect,
    )
    learners = forms.ModelMultipleChoiceField(
        label=_("Personnes choisies"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        from . import scope

        self.fields["courses"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["learners"].queryset = scope.members(team).order_by("last_name", "display_name", "email")
        self.fields["learners"].label_from_instance = lambda user: f"{user.get_display_name()} ({user.email})"

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("L'échéance ne peut pas être dans le passé."))
        if due > timezone.localdate() + timedelta(days=730):
            raise forms.ValidationError(_("L'échéance doit être dans les deux ans."))
        return due

    def clean(self):
        data = super().clean()
        if data.get("target") == "members" and not data.get("learners"):
            self.add_error("learners", _("Choisissez au moins une personne, ou affectez à toute l'équipe."))
        return data


class TeamDiplomaForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["diploma"]
        labels = {"diploma": _("Diplôme préparé par l'équipe")}
        help_texts = {
            "diploma": _(
                "Les membres qui n'ont pas choisi leur diplôme lisent les domaines de compétences avec ses intitulés."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["diploma"].empty_label = _("Aucun : les intitulés par défaut")


class FilterForm(forms.Form):
    team = forms.ChoiceField(label=_("Équipe"), required=False)
    course = forms.TypedChoiceField(label=_("Module"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Statut"), required=False)
    sort = forms.ChoiceField(label=_("Trier par"), required=False, choices=list(SORTS.items()))

    def __init__(self, *args, teams, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [(str(t.pk), str(t)) for t in teams]
        self.fields["course"].choices = [("", _("Tous les modules affectés"))] + [(c.pk, c.title) for c in courses]
        self.fields["status"].choices = [("", _("Tous les statuts"))] + CellStatus.CHOICES


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["reminders", "weekly_summary"]
