"""The reflection prompt block placed in lessons (and at the end of cases)."""

import uuid

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.activities import ActivityBlockMixin


class StableIdBlock(blocks.CharBlock):
    """A technical identifier generated when the block is first saved and then never changed, so that the
    activity key "reflection:<uuid>" (and the learners' progress on it) survives edits of the prompt's text."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 36)
        super().__init__(**kwargs)
        self.field.widget = forms.TextInput(attrs={"readonly": True})

    def clean(self, value):
        value = (super().clean(value) or "").strip()
        try:
            return str(uuid.UUID(value))
        except ValueError:
            return str(uuid.uuid4())


class ReflectionPromptBlock(ActivityBlockMixin, blocks.StructBlock):
    activity_kind = "reflection"

    prompt = blocks.TextBlock(label=_("Consigne"), help_text=_("La question de départ, en une ou deux phrases."))
    guiding_questions = blocks.ListBlock(
        blocks.CharBlock(label=_("Question"), max_length=300),
        label=_("Questions pour guider la réflexion"),
        required=False,
        default=[],
    )
    expected_length = blocks.ChoiceBlock(
        label=_("Longueur attendue"),
        choices=[
            ("short", _("Quelques lignes (environ 100 mots)")),
            ("medium", _("Une demi-page (environ 300 mots)")),
            ("long", _("Une page ou plus (environ 600 mots)")),
        ],
        default="medium",
    )
    required = blocks.BooleanBlock(
        label=_("Obligatoire pour terminer la leçon"),
        required=False,
        default=False,
        help_text=_("Une réflexion obligatoire est faite dès qu'une entrée du journal est enregistrée pour elle."),
    )
    prompt_id = StableIdBlock(
        label=_("Identifiant"), help_text=_("Généré automatiquement à l'enregistrement ; ne le modifiez pas.")
    )

    class Meta:
        template = "reflections/blocks/reflection.html"
        icon = "edit"
        label = _("Exercice de réflexion")
        description = _("Une consigne d'écriture réflexive : l'apprenant·e y répond dans son journal.")
        preview_value = {
            "prompt": "Repensez à une réunion collective que vous avez animée : qui a parlé, et qui s'est tu ?",
            "guiding_questions": [
                "Qu'avez-vous fait pour que chacun·e puisse s'exprimer ?",
                "Que feriez-vous différemment la prochaine fois ?",
            ],
            "expected_length": "medium",
            "required": True,
            "prompt_id": "5a0c1d3e-0000-4000-8000-000000000001",
        }

    def activity_key(self, value):
        prompt_id = value.get("prompt_id")
        return f"reflection:{prompt_id}" if prompt_id else None

    def is_required(self, value):
        return bool(value.get("required"))

    def activity_title(self, value):
        return _("la réflexion « %(prompt)s »") % {"prompt": Truncator(value.get("prompt", "")).chars(80)}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        from .links import prompt_state

        context.update(prompt_state(context, value))
        choices = dict(self.child_blocks["expected_length"].field.choices)
        context["expected_length_label"] = choices.get(value.get("expected_length"), "")
        return context
