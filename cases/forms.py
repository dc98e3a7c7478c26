from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class DecisionForm(forms.Form):
    """The learner's choice at one node and, before any feedback, the reasons for it."""

    choice = forms.ChoiceField(
        label=_("Votre décision"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez une des options proposées.")},
    )
    justification = forms.CharField(
        label=_("Pourquoi ce choix ?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        required=False,
    )

    def __init__(self, *args, choices, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["choice"].choices = [(choice.key, choice.label) for choice in choices]
        minimum = case.justification_min_length if case.justification_required else 0
        self.minimum = minimum
        if case.justification_required:
            self.fields["justification"].help_text = ngettext(
                "Expliquez votre raisonnement en au moins %(count)s caractère, avant de découvrir le retour.",
                "Expliquez votre raisonnement en au moins %(count)s caractères, avant de découvrir le retour.",
                minimum,
            ) % {"count": minimum}
        else:
            self.fields["justification"].help_text = _("Facultatif : expliquez votre raisonnement.")

    def clean_justification(self):
        text = self.cleaned_data["justification"].strip()
        if self.case.justification_required:
            if not text:
                raise forms.ValidationError(
                    _("Expliquez votre choix avant de voir le retour : ce champ est obligatoire.")
                )
            if len(text) < self.minimum:
                raise forms.ValidationError(
                    _("Votre justification fait %(length)s caractères ; il en faut au moins %(minimum)s.")
                    % {"length": len(text), "minimum": self.minimum}
                )
        return text
