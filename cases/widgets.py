"""The select of a choice's next node in the case editor.

The nodes live in the same StreamField as the choices and may be added, renamed or removed before
saving, so the options are built in the browser from the node blocks present in the form
(static/cases/node-target.js) and rebuilt whenever the list is opened. The value sent is the target
node's block id; the server checks it (CaseGraphBlock.clean, graph.problems).
"""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.admin.telepath.widgets import WidgetAdapter


class NodeTargetSelect(forms.Select):
    def __init__(self, attrs=None):
        super().__init__(attrs={"data-case-node-target": "", **(attrs or {})}, choices=[("", _("— Choisir —"))])


class NodeTargetSelectAdapter(WidgetAdapter):
    js_constructor = "cases.widgets.NodeTargetSelect"

    def js_args(self, widget):
        return [
            widget.render("__NAME__", None, attrs={"id": "__ID__"}),
            {
                "empty": str(_("— Choisir l'étape suivante —")),
                "decisions": str(_("Étapes de décision")),
                "endings": str(_("Fins du cas")),
                "ending": str(_("Fin")),
                "untitled": str(_("sans titre")),
                "missing": str(_("Étape introuvable (supprimée ?)")),
            },
        ]

    @cached_property
    def media(self):
        return super().media + forms.Media(js=[versioned_static("cases/node-target.js")])


register(NodeTargetSelectAdapter(), NodeTargetSelect)
