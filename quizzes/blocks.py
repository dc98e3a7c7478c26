"""The quiz block of lesson bodies: an activity whose completion counts toward the lesson's."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.activities import ActivityBlockMixin


class QuizBlock(ActivityBlockMixin, blocks.StructBlock):
    quiz = SnippetChooserBlock("quizzes.Quiz", label=_("Quiz"))
    required = blocks.BooleanBlock(
        label=_("Obligatoire pour terminer la leçon"),
        required=False,
        default=False,
        help_text=_("Un quiz noté obligatoire doit être réussi ; un questionnaire, simplement rempli."),
    )

    activity_kind = "quiz"

    class Meta:
        template = "quizzes/blocks/quiz.html"
        icon = "form"
        label = _("Quiz")
        description = _(
            "Un quiz de la banque de questions, noté sur le serveur, ou un questionnaire d'auto-positionnement."
        )

    def activity_key(self, value):
        quiz = value.get("quiz")
        return f"quiz:{quiz.pk}" if quiz else None

    def activity_title(self, value):
        return _("le quiz « %(title)s »") % {"title": value["quiz"].title}

    def get_preview_value(self):
        from .models import Quiz

        return self.normalize({"quiz": Quiz.objects.order_by("pk").first(), "required": True})
