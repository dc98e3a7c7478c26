"""Admin form of a question: checks its options fit its type before saving (same rules as the import)."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from .scoring import structure_errors


class QuestionForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("choices")
        choices = []
        if formset is not None and all(form.is_valid() for form in formset.forms):
            for form in formset.forms:
                data = form.cleaned_data
                if data and not data.get("DELETE") and data.get("text"):
                    choices.append(data)
        errors = structure_errors(cleaned.get("qtype"), choices, cleaned.get("accepted_answers", ""))
        if errors:
            raise ValidationError(errors)
        return cleaned
