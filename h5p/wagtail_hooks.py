"""H5P in the Wagtail admin: trainers upload activities and see the shared library store; lead trainers
and administrators review the pending versions of activities played in published lessons."""

from django.urls import include, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.audit_log import CommentedDecisionFormatter

from . import admin_views, versions
from .forms import H5PActivityForm
from .models import H5PActivity, H5PLibrary


def pending_notice(form):
    """What the trainer must know after saving when the new package was not put live."""
    version = getattr(form, "pending_version", None)
    if version is None:
        return None
    if form.held_upgrades:
        return gettext(
            "Ce paquet apporte une nouvelle version de bibliothèques jouées dans des leçons publiées "
            "(%(libraries)s) : cette mise à jour attend l'approbation d'un·e formateur·rice référent·e. "
            "En attendant, l'activité utilise la version déjà installée."
        ) % {"libraries": ", ".join(form.held_upgrades)}
    return gettext(
        "« %(activity)s » est utilisée dans une leçon publiée : la nouvelle version attend l'approbation "
        "d'un·e formateur·rice référent·e. En attendant, les apprenant·es gardent la version approuvée."
    ) % {"activity": version.activity}


class H5PActivityEditView(snippet_views.EditView):
    def get_success_message(self):
        return pending_notice(self.form) or super().get_success_message()


class H5PActivityCreateView(snippet_views.CreateView):
    def get_success_message(self, instance):
        return pending_notice(self.form) or super().get_success_message(instance)


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
    edit_view_class = H5PActivityEditView
    add_view_class = H5PActivityCreateView


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


# --- Pending versions ----------------------------------------------------------------------------------


class PendingVersionsMenuItem(MenuItem):
    """Shown to reviewers only, with the number of versions waiting for them."""

    def is_shown(self, request):
        return versions.can_review(request.user)

    def render_component(self, request):
        count = versions.pending_versions().count()
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, classname=self.classname)


@hooks.register("register_admin_menu_item")
def pending_versions_menu_item():
    return PendingVersionsMenuItem(
        _("Versions H5P en attente"), reverse("h5p_versions:list"), name="h5p-versions", icon_name="code", order=251
    )


@hooks.register("register_admin_urls")
def pending_versions_urls():
    urls = [
        path("", admin_views.VersionListView.as_view(), name="list"),
        path("<int:pk>/", admin_views.VersionDetailView.as_view(), name="detail"),
        path("<int:pk>/approuver/", admin_views.approve, name="approve"),
        path("<int:pk>/refuser/", admin_views.reject, name="reject"),
        path("<int:pk>/revenir/", admin_views.rollback, name="rollback"),
    ]
    return [path("h5p-versions/", include((urls, "h5p_versions")))]


@hooks.register("register_log_actions")
def register_version_actions(actions):
    actions.register_action(
        versions.SUBMIT,
        _("Version H5P soumise"),
        _("Nouvelle version du paquet soumise à l'approbation d'un·e formateur·rice référent·e"),
    )

    @actions.register_action(versions.APPROVE)
    class ApproveFormatter(CommentedDecisionFormatter):
        label = _("Version H5P approuvée")
        message = _("Nouvelle version du paquet approuvée et mise en ligne")

    @actions.register_action(versions.REJECT)
    class RejectFormatter(CommentedDecisionFormatter):
        label = _("Version H5P refusée")
        message = _("Nouvelle version du paquet refusée")

    actions.register_action(
        versions.ROLLBACK,
        _("Version H5P annulée"),
        _("Retour à la version précédente du paquet et des bibliothèques qu'il avait mises à jour"),
    )
