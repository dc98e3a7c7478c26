from django import forms
from django.utils.translation import gettext_lazy as _

MAX_IMPORT_BYTES = 2 * 1024 * 1024


class MoodleImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier Moodle XML"),
        help_text=_("Export « Format Moodle XML » de la banque de questions, 2 Mo au plus."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,text/xml,application/xml"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 2 Mo."))
        if not upload.name.lower().endswith(".xml"):
            raise forms.ValidationError(_("Choisissez un fichier .xml exporté depuis Moodle."))
        return upload
