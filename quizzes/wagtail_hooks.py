"""The question bank in the Wagtail admin: categories, questions and quizzes, grouped in one menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_forms import QuestionForm
from .models import Question, QuestionCategory, Quiz


class CategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Catégories")
    list_display = ["name"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("description")]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["name", "qtype", "category"]
    list_filter = ["qtype", "category", "domains"]
    search_fields = ["name", "text"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("qtype"), FieldPanel("category")]),
            FieldPanel("domains"),
            FieldPanel("text"),
            InlinePanel(
                "choices",
                label=_("Options, paires, éléments ou niveaux de l'échelle"),
                help_text=_(
                    "Choix : cochez les bonnes réponses. Appariement : remplissez l'élément associé. "
                    "Mise en ordre : saisissez les éléments dans le bon ordre. Échelle : du plus bas au plus haut. "
                    "Jugement en situation : de 3 à 6 réponses, chacune avec son rang de l'expert (1 = la meilleure)."
                ),
            ),
            FieldPanel("scoring_rule"),
            FieldPanel("sjt_mode"),
            FieldPanel("true_false_answer"),
            FieldPanel("accepted_answers"),
            FieldPanel("strict_matching"),
            MultiFieldPanel(
                [FieldPanel("feedback_correct"), FieldPanel("feedback_incorrect"), FieldPanel("explanation")],
                heading=_("Retours et explication"),
            ),
        ],
        base_form_class=QuestionForm,
    )


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "form"
    menu_label = _("Quiz")
    list_display = ["title", "kind", "pass_mark", "max_attempts"]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("kind"),
        InlinePanel("items", label=_("Questions fixes et tirages au sort"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts"), FieldPanel("time_limit_minutes")]),
                FieldPanel("show_answers"),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
            ],
            heading=_("Règles"),
        ),
        FieldPanel("before_quiz"),
    ]


class QuizBankGroup(SnippetViewSetGroup):
    items = (QuizViewSet, QuestionViewSet, CategoryViewSet)
    menu_icon = "form"
    menu_label = _("Banque de quiz")
    menu_name = "quiz-bank"
    menu_order = 250


register_snippet(QuizBankGroup)


@hooks.register("register_admin_menu_item")
def quiz_results_menu_item():
    return MenuItem(
        _("Résultats, import et export des quiz"), reverse("quizzes:trainer_list"), icon_name="table", order=260
    )
