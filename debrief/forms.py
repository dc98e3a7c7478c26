from django import forms
from django.utils.translation import gettext_lazy as _

from .live import MAX_PSEUDONYM, normalise_code
from .models import CODE_LENGTH, LiveSession


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code de la séance"),
        max_length=20,
        help_text=_("Six caractères, affichés à l'écran de la salle (par exemple K7P2QX)."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        session = LiveSession.objects.filter(code=code).first() if len(code) == CODE_LENGTH else None
        if session is None:
            raise forms.ValidationError(_("Aucune séance ne correspond à ce code : vérifiez-le à l'écran de la salle."))
        if session.is_ended:
            raise forms.ValidationError(_("Cette séance est terminée : il n'est plus possible de la rejoindre."))
        self.session = session
        return code


class GuestForm(forms.Form):
    pseudonym = forms.CharField(
        label=_("Votre pseudonyme"),
        max_length=MAX_PSEUDONYM,
        help_text=_("Un prénom ou un surnom suffit : aucune donnée personnelle n'est demandée."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class OpenVoteForm(forms.Form):
    seconds = forms.TypedChoiceField(
        label=_("Minuteur"),
        coerce=int,
        initial=0,
        choices=[
            (0, _("Sans minuteur")),
            (30, _("30 secondes")),
            (60, _("1 minute")),
            (120, _("2 minutes")),
            (180, _("3 minutes")),
            (300, _("5 minutes")),
        ],
    )


class LaunchForm(forms.Form):
    group_name = forms.CharField(
        label=_("Nom du groupe (facultatif)"),
        max_length=120,
        required=False,
        help_text=_("Pour retrouver et comparer les séances, par exemple « Promotion 2025, groupe B »."),
    )
