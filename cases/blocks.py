"""Blocks of a case (role cards, decision and ending nodes) and the case block for lesson bodies.

Node and choice keys are typed by authors and never generated: they name decisions in the records
(CaseDecision.node_key / choice_key), so an author may reword a node without losing its history.
A choice's next node is picked from the nodes of the same case and stored as that node's block id, so
renaming a node (its key or title) keeps the choices that lead to it.
"""

import uuid

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from core.activities import ActivityBlockMixin

from .graph import MAX_SCORE, Phase, Quality
from .widgets import NodeTargetSelect

KEY_HELP = _("Identifiant stable (lettres minuscules, chiffres, tirets), par exemple « reunion-bailleur ».")
key_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]*$", _("Utilisez seulement des lettres minuscules sans accent, des chiffres et des tirets.")
)
SITUATION_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class KeyBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 50)
        kwargs.setdefault("help_text", KEY_HELP)
        kwargs.setdefault("validators", [key_validator])
        super().__init__(**kwargs)


ROLE_KINDS = [
    ("personne", _("Personne concernée")),
    ("professionnel", _("Professionnel·le")),
    ("partenaire", _("Partenaire ou institution")),
    ("elu", _("Élu·e")),
]


class RoleCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Nom ou désignation"), max_length=120)
    kind = blocks.ChoiceBlock(label=_("Type"), choices=ROLE_KINDS, default="personne")
    role = blocks.CharBlock(label=_("Rôle dans la situation"), max_length=200)
    description = blocks.TextBlock(label=_("Ce qu'il faut savoir"), required=False)

    class Meta:
        template = "cases/blocks/role_card.html"
        icon = "user"
        label = _("Fiche personnage")
        description = _("Une personne, un·e professionnel·le ou un partenaire impliqué dans la situation.")
        preview_value = {
            "name": "Mme Diallo",
            "kind": "personne",
            "role": "locataire, mère de trois enfants",
            "description": "A reçu un avis de coupure d'électricité en janvier.",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = dict(ROLE_KINDS).get(value.get("kind"), "")
        return context


class CaseDocumentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    kind = blocks.ChoiceBlock(
        label=_("Nature"),
        choices=[
            ("courrier", _("Courrier")),
            ("compte_rendu", _("Compte rendu de réunion")),
            ("chiffres", _("Chiffres")),
            ("temoignage", _("Témoignage")),
        ],
        default="courrier",
    )
    content = blocks.TextBlock(label=_("Contenu"), help_text=_("Le texte du document, lisible sans téléchargement."))
    document = DocumentChooserBlock(label=_("Fichier joint (facultatif)"), required=False)


class NodeTargetBlock(blocks.FieldBlock):
    """A choice's next node: the block id of a node of the same case, picked from a list built in the editor."""

    def __init__(self, required=False, help_text=None, **kwargs):
        self.field = forms.CharField(required=required, max_length=50, help_text=help_text, widget=NodeTargetSelect())
        super().__init__(**kwargs)

    class Meta:
        icon = "arrow-right"


class CaseChoiceBlock(blocks.StructBlock):
    key = KeyBlock(label=_("Identifiant du choix"))
    label = blocks.CharBlock(label=_("Intitulé du choix"), max_length=300)
    feedback = blocks.TextBlock(
        label=_("Retour pédagogique"), help_text=_("Pourquoi ce choix aide ou freine la dynamique collective.")
    )
    quality = blocks.ChoiceBlock(label=_("Qualité"), choices=Quality.CHOICES, default=Quality.ACCEPTABLE)
    score = blocks.IntegerBlock(label=_("Points (0 à 10)"), min_value=0, max_value=MAX_SCORE, default=5)
    next_node = NodeTargetBlock(
        label=_("Étape suivante"),
        required=False,
        help_text=_("L'étape de décision ou la fin du cas à laquelle ce choix mène, parmi les étapes de ce cas."),
    )
    competence = SnippetChooserBlock(
        "core.CompetenceDomain",
        label=_("Domaine de compétences travaillé"),
        required=False,
        help_text=_("Facultatif : le bilan montre au joueur un profil par domaine à partir de ces choix."),
    )
    competence_weight = blocks.IntegerBlock(
        label=_("Poids dans ce domaine (1 à 3)"), min_value=1, max_value=3, default=1, required=False
    )
    pinned = blocks.BooleanBlock(
        label=_("Garder cette place"),
        required=False,
        help_text=_(
            "Les choix sont présentés dans un ordre tiré au hasard pour chaque tentative. Cochez pour garder "
            "celui-ci à sa place (par exemple « Aucune de ces options » en dernier)."
        ),
    )

    class Meta:
        icon = "arrow-right"
        label = _("Choix")


class DecisionNodeBlock(blocks.StructBlock):
    key = KeyBlock(label=_("Identifiant de l'étape"))
    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    phase = blocks.ChoiceBlock(label=_("Phase"), choices=Phase.CHOICES, default=Phase.DIAGNOSTIC)
    is_start = blocks.BooleanBlock(label=_("Étape de départ"), required=False)
    situation = blocks.RichTextBlock(label=_("Situation"), features=SITUATION_FEATURES)
    documents = blocks.ListBlock(CaseDocumentBlock(), label=_("Documents"), default=[])
    choices = blocks.ListBlock(CaseChoiceBlock(), label=_("Choix (2 à 4)"), default=[])

    class Meta:
        icon = "fork"
        label = _("Étape de décision")
        label_format = "{key} · {title}"


class EndingNodeBlock(blocks.StructBlock):
    key = KeyBlock(label=_("Identifiant de la fin"))
    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    phase = blocks.ChoiceBlock(label=_("Phase"), choices=Phase.CHOICES, default=Phase.EVALUATION)
    debrief = blocks.RichTextBlock(label=_("Bilan"), features=SITUATION_FEATURES)

    class Meta:
        icon = "flag"
        label = _("Fin")
        label_format = "{key} · {title}"


class CaseGraphBlock(blocks.StreamBlock):
    decision = DecisionNodeBlock()
    ending = EndingNodeBlock()

    def clean(self, value):
        """Every node gets its block id now (new nodes sent without one), and a target written as a node key
        (older data, a form filled without the editor's list) is stored as that node's block id."""
        value = super().clean(value)
        for child in value:
            if not child.id:
                child.id = str(uuid.uuid4())
        ids = {str(child.id) for child in value}
        by_key = {}
        for child in value:
            by_key.setdefault((child.value.get("key") or "").strip(), str(child.id))
        for child in value:
            if child.block_type != "decision":
                continue
            for choice in child.value.get("choices") or []:
                target = (choice.get("next_node") or "").strip()
                if target and target not in ids and target in by_key:
                    choice["next_node"] = by_key[target]
        return value


class CasePeopleBlock(blocks.StreamBlock):
    role_card = RoleCardBlock()


class CaseBlock(ActivityBlockMixin, blocks.StructBlock):
    """A worked case inside a lesson; completing the case counts toward the lesson's completion."""

    activity_kind = "case"

    case = blocks.PageChooserBlock(label=_("Cas pratique"), page_type="cases.CasePage")
    introduction = blocks.TextBlock(label=_("Consigne"), required=False)
    required = blocks.BooleanBlock(
        label=_("Obligatoire pour terminer la leçon"),
        required=False,
        default=False,
        help_text=_("Cochez si la leçon ne peut être terminée qu'une fois le cas joué jusqu'à sa fin."),
    )

    class Meta:
        template = "cases/blocks/case.html"
        icon = "fork"
        label = _("Cas pratique")
        description = _("Un cas à embranchements à jouer depuis la leçon ; il compte pour la terminer.")
        preview_value = {"introduction": "Jouez ce cas avant la séance de regroupement.", "required": True}

    def activity_key(self, value):
        page = value.get("case")
        return f"case:{page.pk}" if page else None

    def activity_title(self, value):
        return _("le cas pratique « %(title)s »") % {"title": value["case"].title}

    def is_required(self, value):
        return bool(value.get("required"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        page = value.get("case")
        context["case_page"] = page.specific if page and page.live else None
        context["case_status"] = None
        if request is not None and page is not None and request.user.is_authenticated:
            from progress import api as progress

            result = progress.results_for(request.user, [f"case:{page.pk}"]).get(f"case:{page.pk}")
            context["case_status"] = result
        return context
