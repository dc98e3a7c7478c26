"""SCORM modules in the Wagtail admin: trainers upload them as snippets and embed them in lessons."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import ScormPackageForm
from .models import ScormPackage


class ScormPackageViewSet(SnippetViewSet):
    model = ScormPackage
    icon = "doc-full"
    menu_label = _("Modules SCORM")
    menu_name = "scorm"
    add_to_admin_menu = True
    menu_order = 252
    list_display = ["__str__", Column("get_version_display", label=_("version SCORM")), "updated_at"]
    list_filter = ["version"]
    search_fields = ["title", "manifest_title"]
    inspect_view_enabled = True
    inspect_view_fields = ["title", "manifest_title", "version", "launch_path", "package", "created_at"]
    edit_handler = ObjectList([FieldPanel("title"), FieldPanel("package")], base_form_class=ScormPackageForm)


register_snippet(ScormPackageViewSet)
