"""Admin form of a question: checks its options fit its type before saving (same rules as the import)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import QuestionType
from .scoring import sjt_rank_errors, structure_errors

TRUE_FALSE_CHOICES = [(True, _("Vraie")), (False, _("Fausse"))]


class QuestionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Two radio buttons, neither ticked for a new question: the author says which is right.
        self.fields["true_false_answer"].widget = forms.RadioSelect(choices=TRUE_FALSE_CHOICES)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("qtype") == QuestionType.TRUE_FALSE and cleaned.get("true_false_answer") is None:
            self.add_error("true_false_answer", _("Indiquez si l'affirmation est vraie ou fausse."))
        formset = self.formsets.get("choices")
        choices, kept = [], []
        if formset is not None and all(form.is_valid() for form in formset.forms):
            for form in formset.forms:
                data = form.cleaned_data
                if data and not data.get("DELETE") and data.get("text"):
                    choices.append(data)
                    kept.append(form)
        if cleaned.get("qtype") == QuestionType.SJT:
            # Each faulty expert rank is flagged at its own field, next to the response it belongs to.
            rank_errors = sjt_rank_errors([data.get("expert_rank") for data in choices])
            for index, message in rank_errors.items():
                kept[index].add_error("expert_rank", message)
        errors = structure_errors(cleaned.get("qtype"), choices, cleaned.get("accepted_answers", ""))
        if errors:
            raise ValidationError(errors)
        return cleaned
