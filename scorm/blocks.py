"""The lesson block that plays a SCORM module (an activity for the progress core)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.activities import ActivityBlockMixin

from . import player_tokens, runtime
from .models import ScormAttempt


class ScormBlock(ActivityBlockMixin, blocks.StructBlock):
    package = SnippetChooserBlock("scorm.ScormPackage", label=_("Module SCORM"))
    required = blocks.BooleanBlock(
        label=_("Obligatoire pour terminer la leçon"),
        required=False,
        default=False,
        help_text=_("La leçon est terminée quand toutes ses activités obligatoires sont faites."),
    )

    activity_kind = "scorm"

    class Meta:
        template = "scorm/blocks/scorm.html"
        icon = "doc-full"
        label = _("Module SCORM")
        description = _(
            "Un module SCORM 1.2 ou 2004 fait avec un outil auteur ; sa réussite compte dans la progression."
        )
        preview_value = {"package": None, "required": False}

    def activity_key(self, value):
        package = value.get("package")
        return package.activity_key if package else None

    def activity_title(self, value):
        return _("le module « %(title)s »") % {"title": str(value["package"])}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        context.update(player_context(value.get("package"), getattr(request, "user", None)))
        return context


def player_context(package, user):
    """What the block template needs to frame the module for this person (shared with the preview page)."""
    from .views import progress_label

    context = {"package": package, "player_src": "", "launch_data": None, "progress_label": ""}
    if package is None or user is None or not user.is_authenticated:
        return context
    number = runtime.current_attempt_number(user, package)
    token = player_tokens.issue(user, package, number)
    latest = ScormAttempt.objects.filter(learner=user, package=package).order_by("-number").first()
    context.update(
        {
            "player_src": reverse("scorm:player_file", args=[token, package.launch_path.split("?")[0]])
            + (f"?{package.launch_path.split('?', 1)[1]}" if "?" in package.launch_path else ""),
            "player_token": token,
            "launch_data": runtime.launch_data(user, package, number),
            "launch_script_id": f"scorm-launch-{package.pk}",
            "progress_label": progress_label(latest),
        }
    )
    return context
