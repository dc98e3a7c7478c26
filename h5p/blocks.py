"""The lesson block that plays an H5P activity (an activity for the progress core)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.activities import ActivityBlockMixin
from progress.api import results_for


class H5PBlock(ActivityBlockMixin, blocks.StructBlock):
    activity = SnippetChooserBlock("h5p.H5PActivity", label=_("Activité H5P"))
    required = blocks.BooleanBlock(
        label=_("Obligatoire pour terminer la leçon"),
        required=False,
        default=False,
        help_text=_("La leçon est terminée quand toutes ses activités obligatoires sont faites."),
    )
    # The player is third-party software whose accessibility we cannot vouch for: the author writes the equivalent.
    text_alternative = blocks.RichTextBlock(
        label=_("Alternative textuelle"),
        required=False,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_(
            "Pour les personnes qui ne peuvent pas utiliser le lecteur interactif : ce que l'activité demande "
            "(consigne, questions, propositions) et les réponses attendues, avec leur explication."
        ),
    )

    activity_kind = "h5p"

    class Meta:
        template = "h5p/blocks/h5p.html"
        icon = "code"
        label = _("Activité H5P")
        description = _("Un exercice interactif H5P (QCM, texte à trous, vrai/faux…) dont le score compte.")
        preview_value = {
            "activity": None,
            "required": True,
            "text_alternative": "<p>Vrai ou faux : le CCAS peut prêter une salle de réunion. Réponse : vrai.</p>",
        }

    def activity_key(self, value):
        activity = value.get("activity")
        return activity.activity_key if activity else None

    def activity_title(self, value):
        return _("l'activité « %(title)s »") % {"title": str(value["activity"])}

    def get_context(self, value, parent_context=None):
        from statements.api import actor_for

        from . import player_tokens
        from .views import progress_label

        context = super().get_context(value, parent_context=parent_context)
        activity = value.get("activity")
        request = (parent_context or {}).get("request")
        user = getattr(request, "user", None)
        result = token = actor = None
        if activity and user is not None and user.is_authenticated:
            result = results_for(user, [activity.activity_key]).get(activity.activity_key)
            # The page is served to this learner only: the frame gets a player token of their own.
            token, actor = player_tokens.issue(user, activity), actor_for(user)
        context.update(
            {
                "activity": activity,
                "result": result,
                "progress_label": progress_label(result),
                "player_token": token,
                "actor": actor,
                "actor_script_id": f"h5p-actor-{activity.pk}" if activity else "",
            }
        )
        return context
