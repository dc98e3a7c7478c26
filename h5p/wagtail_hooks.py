"""H5P in the Wagtail admin: trainers upload activities and see the shared library store."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import H5PActivityForm
from .models import H5PActivity, H5PLibrary


class H5PActivityViewSet(SnippetViewSet):
    model = H5PActivity
    icon = "code"
    menu_label = _("Activités")
    list_display = [
        "__str__",
        Column("content_type_label", label=_("type de contenu")),
        Column("content_title", label=_("titre dans le paquet")),
        "updated_at",
    ]
    list_filter = ["main_library"]
    search_fields = ["title", "content_title"]
    inspect_view_enabled = True
    inspect_view_fields = ["title", "content_title", "main_library", "main_library_version", "package", "created_at"]
    edit_handler = ObjectList([FieldPanel("title"), FieldPanel("package")], base_form_class=H5PActivityForm)


class H5PLibraryViewSet(SnippetViewSet):
    """Read-only for trainers (view permission only): libraries arrive with packages."""

    model = H5PLibrary
    icon = "folder-open-inverse"
    menu_label = _("Bibliothèques")
    list_display = [
        "__str__",
        "title",
        Column("used_by", label=_("activités qui l'utilisent")),
        "updated_at",
    ]
    inspect_view_enabled = True
    inspect_view_fields = ["machine_name", "major_version", "minor_version", "patch_version", "title", "updated_at"]

    def get_queryset(self, request):
        return H5PLibrary.objects.prefetch_related("activities")


class H5PViewSetGroup(SnippetViewSetGroup):
    items = (H5PActivityViewSet, H5PLibraryViewSet)
    menu_icon = "code"
    menu_label = _("H5P")
    menu_name = "h5p"
    menu_order = 250


register_snippet(H5PViewSetGroup)
