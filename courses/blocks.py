"""Blocks of the lesson body. Each declares its template, icon, label, description and preview value.

Activity blocks (cases, quizzes, reflections, H5P) come from their own apps and are added to
LessonBodyBlock below; they implement core.activities.ActivityBlockMixin.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from cases.blocks import CaseBlock
from h5p.blocks import H5PBlock
from quizzes.blocks import QuizBlock
from reflections.blocks import ReflectionPromptBlock
from scorm.blocks import ScormBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "blockquote"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"), choices=[("h2", _("Titre de section")), ("h3", _("Sous-titre"))], default="h2"
    )

    class Meta:
        template = "courses/blocks/heading.html"
        icon = "title"
        label = _("Titre")
        description = _("Un titre de section qui structure la leçon.")
        preview_value = {"text": "Pourquoi agir collectivement ?", "level": "h2"}


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        template = "courses/blocks/rich_text.html"
        icon = "pilcrow"
        label = _("Texte")
        description = _("Paragraphes mis en forme : gras, italique, listes, liens.")
        preview_value = "<p>Le travail social collectif part des préoccupations exprimées par les personnes.</p>"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Texte alternatif"),
        max_length=250,
        help_text=_("Décrit l'image pour les personnes qui ne la voient pas. Obligatoire."),
    )
    caption = blocks.CharBlock(label=_("Légende"), max_length=250, required=False)

    class Meta:
        template = "courses/blocks/image.html"
        icon = "image"
        label = _("Image")
        description = _("Une image avec son texte alternatif et sa légende.")


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Vidéo (adresse YouTube ou Vimeo)"))
    title = blocks.CharBlock(label=_("Titre de la vidéo"), max_length=200)
    transcript = blocks.RichTextBlock(
        label=_("Transcription"),
        features=["bold", "italic", "ol", "ul"],
        help_text=_("Transcription complète, obligatoire pour les personnes sourdes ou malentendantes."),
    )

    class Meta:
        template = "courses/blocks/video.html"
        icon = "media"
        label = _("Vidéo")
        description = _("Une vidéo intégrée, toujours accompagnée de sa transcription.")


class TestimonyBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Témoignage"))
    author = blocks.CharBlock(label=_("Auteur·rice"), max_length=120)
    role = blocks.CharBlock(label=_("Fonction ou situation"), max_length=200, required=False)

    class Meta:
        template = "courses/blocks/testimony.html"
        icon = "openquote"
        label = _("Témoignage")
        description = _("La parole d'une personne concernée ou d'un·e professionnel·le.")
        preview_value = {
            "quote": "On ne venait pas pour un dossier, on venait parce qu'on avait tous le même problème.",
            "author": "Fatou",
            "role": "habitante, membre du collectif de locataires",
        }


class KeyPointsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), default="À retenir", max_length=120)
    points = blocks.ListBlock(blocks.CharBlock(label=_("Point"), max_length=300), label=_("Points"))

    class Meta:
        template = "courses/blocks/key_points.html"
        icon = "list-ul"
        label = _("À retenir")
        description = _("Les idées essentielles de la leçon, en quelques lignes.")
        preview_value = {
            "title": "À retenir",
            "points": ["Partir des préoccupations des personnes.", "Le groupe formule le problème."],
        }


class GlossaryTermBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Terme"), max_length=120)
    definition = blocks.TextBlock(label=_("Définition"))

    class Meta:
        template = "courses/blocks/glossary_term.html"
        icon = "help"
        label = _("Terme du glossaire")
        description = _("Un terme et sa définition.")
        preview_value = {
            "term": "ISIC",
            "definition": "Intervention sociale d'intérêt collectif : agir avec la population d'un territoire.",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Intitulé"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        template = "courses/blocks/document.html"
        icon = "doc-full"
        label = _("Document à télécharger")
        description = _("Un document joint (PDF, tableur...) avec son format et sa taille.")


class ReadingItemBlock(blocks.StructBlock):
    reference = blocks.CharBlock(
        label=_("Référence"), max_length=400, help_text=_("Auteur·rice, titre, éditeur, année.")
    )
    url = blocks.URLBlock(label=_("Lien"), required=False)
    note = blocks.CharBlock(label=_("Pourquoi le lire"), max_length=300, required=False)


class FurtherReadingBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), default="Pour aller plus loin", max_length=120)
    items = blocks.ListBlock(ReadingItemBlock(), label=_("Références"))

    class Meta:
        template = "courses/blocks/further_reading.html"
        icon = "link"
        label = _("Pour aller plus loin")
        description = _("Une liste de lectures avec leurs références.")
        preview_value = {
            "title": "Pour aller plus loin",
            "items": [{"reference": "Yann Le Bossé, Sortir de l'impuissance, Ardis, 2012", "url": "", "note": ""}],
        }

    def clean(self, value):
        value = super().clean(value)
        if not value["items"]:
            raise ValidationError(_("Ajoutez au moins une référence."))
        return value


class LessonBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    rich_text = RichTextBlock()
    image = ImageBlock()
    video = VideoBlock()
    testimony = TestimonyBlock()
    key_points = KeyPointsBlock()
    glossary_term = GlossaryTermBlock()
    document = DocumentBlock()
    further_reading = FurtherReadingBlock()
    reflection = ReflectionPromptBlock()
    case = CaseBlock()
    h5p = H5PBlock()
    scorm = ScormBlock()
    quiz = QuizBlock()
