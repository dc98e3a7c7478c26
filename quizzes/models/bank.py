"""The question bank: reusable questions grouped by category and tagged with competence domains."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable
from wagtail.search import index


class QuestionType(models.TextChoices):
    SINGLE = "single", _("Choix unique")
    MULTIPLE = "multiple", _("Choix multiple")
    TRUE_FALSE = "true_false", _("Vrai ou faux")
    MATCHING = "matching", _("Appariement")
    ORDERING = "ordering", _("Mise en ordre")
    SHORT_ANSWER = "short_answer", _("Réponse courte")
    LIKERT = "likert", _("Auto-positionnement (échelle)")
    SJT = "sjt", _("Jugement en situation")


class SjtMode(models.TextChoices):
    BEST_WORST = "best_worst", _("Meilleure et pire réponse")
    RANKING = "ranking", _("Classement")


class ScoringRule(models.TextChoices):
    ALL_OR_NOTHING = "all_or_nothing", _("Tout ou rien")
    PARTIAL = "partial", _("Crédit partiel")


# A situational-judgement question offers between 3 and 6 responses to its scenario.
SJT_MIN_RESPONSES, SJT_MAX_RESPONSES = 3, 6

# Types whose options are the Choice rows shown to the learner, in a (possibly shuffled) list.
CHOICE_TYPES = {QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.LIKERT}


class QuestionCategory(models.Model):
    name = models.CharField(_("nom"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("catégorie de questions")
        verbose_name_plural = _("catégories de questions")

    def __str__(self):
        return self.name


class Question(index.Indexed, ClusterableModel):
    """One question of the bank. Choices are its options (or pairs, items, scale points, by type)."""

    category = models.ForeignKey(
        QuestionCategory, verbose_name=_("catégorie"), on_delete=models.PROTECT, related_name="questions"
    )
    domains = ParentalManyToManyField(
        "core.CompetenceDomain", verbose_name=_("domaines de compétences"), blank=True, related_name="questions"
    )
    qtype = models.CharField(_("type"), max_length=20, choices=QuestionType.choices, default=QuestionType.SINGLE)
    name = models.CharField(_("nom court"), max_length=200, help_text=_("Pour retrouver la question dans la banque."))
    text = models.TextField(_("énoncé"))
    # No default: an author who forgot to choose must not publish a false statement marked as true.
    scoring_rule = models.CharField(
        _("notation"),
        max_length=20,
        choices=ScoringRule.choices,
        default=ScoringRule.ALL_OR_NOTHING,
        help_text=_(
            "Choix multiple uniquement. Tout ou rien : 1 point si les bonnes réponses, et elles seules, sont "
            "cochées. Crédit partiel : (bonnes réponses cochées − mauvaises réponses cochées) ÷ nombre de bonnes "
            "réponses, jamais moins de 0."
        ),
    )
    true_false_answer = models.BooleanField(
        _("l'affirmation est"),
        null=True,
        blank=True,
        default=None,
        help_text=_("Questions « vrai ou faux » uniquement : choisissez si l'affirmation est vraie ou fausse."),
    )
    sjt_mode = models.CharField(
        _("mode de réponse"),
        max_length=20,
        choices=SjtMode.choices,
        default=SjtMode.BEST_WORST,
        help_text=_(
            "Jugement en situation uniquement. Meilleure et pire réponse : la personne choisit la meilleure et la "
            "moins bonne réponse (0,5 point chacune). Classement : elle classe toutes les réponses (crédit partiel "
            "selon l'écart avec le classement de l'expert)."
        ),
    )
    accepted_answers = models.TextField(
        _("réponses acceptées"),
        blank=True,
        help_text=_(
            "Réponses courtes uniquement : une réponse acceptée par ligne. La comparaison ignore majuscules, "
            "accents, tirets, apostrophes, ponctuation et un article en tête (le, la, les, l', un, une, des, du, "
            "de la, de l'), sauf en correspondance stricte."
        ),
    )
    strict_matching = models.BooleanField(
        _("correspondance stricte"),
        default=False,
        help_text=_(
            "Réponses courtes uniquement. Cochée : seules les majuscules et les espaces sont ignorés ; accents, "
            "tirets, apostrophes, ponctuation et articles doivent correspondre à une réponse acceptée."
        ),
    )
    feedback_correct = models.TextField(_("retour si la réponse est juste"), blank=True)
    feedback_incorrect = models.TextField(_("retour si la réponse est fausse"), blank=True)
    explanation = models.TextField(_("explication"), blank=True, help_text=_("Affichée une fois la réponse donnée."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [index.SearchField("name"), index.SearchField("text"), index.FilterField("qtype")]

    class Meta:
        ordering = ["category__name", "name"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.name

    @property
    def is_scored(self):
        return self.qtype != QuestionType.LIKERT

    def accepted_answer_list(self):
        return [line.strip() for line in self.accepted_answers.splitlines() if line.strip()]


class Choice(Orderable):
    """An option (choice types), a pair (matching: text ↔ match), an item (ordering: in the right order)
    or a scale point (Likert: from lowest to highest)."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("texte"), max_length=500)
    is_correct = models.BooleanField(_("bonne réponse"), default=False)
    match_text = models.CharField(
        _("élément associé"), max_length=500, blank=True, help_text=_("Appariement uniquement : l'élément à associer.")
    )
    # Situational judgement: the expert's key, 1 = the best response, n = the worst.
    expert_rank = models.PositiveSmallIntegerField(
        _("rang de l'expert"),
        null=True,
        blank=True,
        help_text=_(
            "Jugement en situation uniquement : 1 pour la meilleure réponse, puis 2, 3… jusqu'à la moins bonne."
        ),
    )
    feedback = models.TextField(_("retour si ce choix est retenu"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("text"), FieldPanel("is_correct")]),
        FieldPanel("match_text"),
        FieldPanel("expert_rank"),
        FieldPanel("feedback"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return self.text
