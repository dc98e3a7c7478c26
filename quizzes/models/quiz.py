"""A quiz: fixed questions and/or random draws from a category, with its rules."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable
from wagtail.search import index


class QuizKind(models.TextChoices):
    SCORED = "scored", _("Quiz noté")
    SELF_POSITIONING = "self_positioning", _("Questionnaire d'auto-positionnement (sans bonne réponse)")


class AnswerVisibility(models.TextChoices):
    NEVER = "never", _("Jamais")
    AFTER_EACH = "after_each", _("Après chaque tentative")
    AFTER_LAST = "after_last", _("Après la dernière tentative autorisée")


class Quiz(index.Indexed, ClusterableModel):
    title = models.CharField(_("titre"), max_length=200)
    intro = models.TextField(_("présentation"), blank=True)
    kind = models.CharField(_("nature"), max_length=20, choices=QuizKind.choices, default=QuizKind.SCORED)
    pass_mark = models.PositiveSmallIntegerField(
        _("seuil de réussite (%)"), default=60, help_text=_("Pourcentage de bonnes réponses pour réussir.")
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("nombre maximal de tentatives"), default=0, help_text=_("0 : tentatives illimitées.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("durée limite (minutes)"),
        null=True,
        blank=True,
        help_text=_("Laisser vide : pas de limite. Une fois le temps écoulé, les réponses enregistrées sont validées."),
    )
    show_answers = models.CharField(
        _("affichage des bonnes réponses"),
        max_length=20,
        choices=AnswerVisibility.choices,
        default=AnswerVisibility.AFTER_EACH,
    )
    shuffle_questions = models.BooleanField(_("mélanger les questions"), default=False)
    shuffle_choices = models.BooleanField(_("mélanger les options"), default=True)
    before_quiz = models.ForeignKey(
        "self",
        verbose_name=_("questionnaire « avant » correspondant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="after_quizzes",
        help_text=_(
            "Pour un questionnaire « après » : celui passé en début de formation, "
            "afin de comparer les réponses aux mêmes questions."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [index.SearchField("title"), index.SearchField("intro")]

    class Meta:
        ordering = ["title"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quiz")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.pass_mark > 100:
            raise ValidationError({"pass_mark": _("Le seuil est un pourcentage entre 0 et 100.")})
        if self.show_answers == AnswerVisibility.AFTER_LAST and not self.max_attempts:
            raise ValidationError(
                {
                    "show_answers": _(
                        "Avec des tentatives illimitées, il n'y a pas de dernière tentative : "
                        "fixez un nombre maximal de tentatives ou choisissez un autre réglage."
                    )
                }
            )
        if self.before_quiz_id and self.pk and self.before_quiz_id == self.pk:
            raise ValidationError({"before_quiz": _("Un questionnaire ne peut pas être son propre « avant ».")})

    @property
    def activity_key(self):
        return f"quiz:{self.pk}"

    @property
    def is_self_positioning(self):
        return self.kind == QuizKind.SELF_POSITIONING


class QuizItem(Orderable):
    """Either one fixed question, or "draw N questions at random from this category"."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(
        "quizzes.Question",
        verbose_name=_("question"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    category = models.ForeignKey(
        "quizzes.QuestionCategory",
        verbose_name=_("tirage dans la catégorie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    draw_count = models.PositiveSmallIntegerField(_("nombre de questions tirées"), default=0)

    panels = [FieldPanel("question"), FieldRowPanel([FieldPanel("category"), FieldPanel("draw_count")])]

    class Meta(Orderable.Meta):
        verbose_name = _("question ou tirage")
        verbose_name_plural = _("questions et tirages")

    def clean(self):
        super().clean()
        if bool(self.question_id) == bool(self.category_id):
            raise ValidationError(_("Choisissez soit une question, soit une catégorie où tirer des questions."))
        if self.category_id and not self.draw_count:
            raise ValidationError({"draw_count": _("Indiquez combien de questions tirer dans la catégorie.")})
