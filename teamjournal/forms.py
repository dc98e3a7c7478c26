"""Forms of the team journal: plain textareas (no JavaScript), cleaned by the journal's sanitiser."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reflections import services
from reflections.sanitize import MAX_TEXT_LENGTH

TEXT_HELP = _(
    "Laissez une ligne vide entre deux paragraphes ; commencez une ligne par « - » pour une liste, par « > » pour "
    "une citation. Au plus %(max)s caractères."
)


def _help():
    return TEXT_HELP % {"max": f"{MAX_TEXT_LENGTH:,}".replace(",", "\u202f")}


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Thème de la séance"), max_length=services.MAX_TITLE_LENGTH)
    date = forms.DateField(
        label=_("Date de la séance"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    description = forms.CharField(
        label=_("Présentation et consignes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate().isoformat()})  # the date input wants ISO
        super().__init__(*args, **kwargs)
        self.fields["description"].help_text = _help()

    def clean_description(self):
        try:
            self.description_html = services.prepare("", plain_text=self.cleaned_data["description"])[1]
        except ValidationError as error:
            raise ValidationError(error.messages) from error
        return self.cleaned_data["description"]


class ContributionForm(forms.Form):
    """A contribution, or a reply when `parent` is set (the view checks that it belongs to the session)."""

    body_text = forms.CharField(label=_("Votre contribution"), widget=forms.Textarea(attrs={"rows": 8}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, reply=False, **kwargs):
        super().__init__(*args, **kwargs)
        if reply:
            self.fields["body_text"].label = _("Votre réponse")
        self.fields["body_text"].help_text = _help()

    def clean_body_text(self):
        value = self.cleaned_data["body_text"]
        try:
            self.cleaned_html = services.prepare("", plain_text=value)[1]
        except ValidationError as error:
            raise ValidationError(error.messages) from error
        if not self.cleaned_html:
            raise ValidationError(_("Écrivez quelques mots avant de publier."))
        return value
