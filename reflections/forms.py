from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import services
from .sanitize import MAX_TEXT_LENGTH


class EntryForm(forms.Form):
    """The entry editor. Without JavaScript the text comes from `body_text` (plain text, blank lines between
    paragraphs); with JavaScript the formatted editor fills `body_html`. Either way it is cleaned on save."""

    title = forms.CharField(label=_("Titre (facultatif)"), required=False, max_length=services.MAX_TITLE_LENGTH)
    body_text = forms.CharField(
        label=_("Votre texte"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
    )
    body_html = forms.CharField(required=False, widget=forms.HiddenInput, strip=False)
    revision = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    force = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formatted here, not at import, so that it follows the language of the request.
        self.fields["body_text"].help_text = _(
            "Laissez une ligne vide entre deux paragraphes ; commencez une ligne par « - » pour une liste. "
            "Au plus %(max)s caractères."
        ) % {"max": f"{MAX_TEXT_LENGTH:,}".replace(",", "\u202f")}

    def clean(self):
        data = super().clean()
        raw_html = self.data.get("body_html") if "body_html" in self.data else None
        try:
            data["title"], data["cleaned_html"] = services.prepare(
                self.data.get("title", ""), raw_html=raw_html, plain_text=self.data.get("body_text", "")
            )
        except ValidationError as error:
            field = "title" if error.code == "title" else "body_text"
            self.add_error(field, error)
            return data
        if not data["cleaned_html"].strip():
            self.add_error("body_text", _("Écrivez quelques mots avant d'enregistrer."))
        data["revision"] = services.parse_revision(self.data.get("revision"))
        return data

    def submitted_html(self):
        """The text to put back in the editor when the form is shown again with an error."""
        from .sanitize import clean_html, text_to_html

        if "body_html" in self.data:
            return clean_html(self.data.get("body_html", ""))
        return text_to_html(self.data.get("body_text", ""))


class FeedbackForm(forms.Form):
    body_text = forms.CharField(
        label=_("Votre retour"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Laissez une ligne vide entre deux paragraphes. Seul·e l'auteur·rice de l'entrée le lira."),
    )

    def clean_body_text(self):
        value = self.cleaned_data["body_text"]
        self.cleaned_data_html = services.prepare("", plain_text=value)[1]
        if not self.cleaned_data_html:
            raise ValidationError(_("Écrivez votre retour avant de l'envoyer."))
        return value
