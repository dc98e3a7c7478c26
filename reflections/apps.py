from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReflectionsConfig(AppConfig):
    name = "reflections"
    verbose_name = _("Journal de réflexion")

    def ready(self):
        from accounts import personal_data
        from core import demo as core_demo
        from core import myspace, navigation

        from . import demo, exports, signals  # noqa: F401 (signals: receivers)
        from .access import can_read_shared_entries
        from .myspace import journal_section

        personal_data.register(
            "journal", exports.export_personal_data, files=exports.markdown_files, erase=exports.erase_personal_data
        )
        myspace.register(
            "journal", "reflections/myspace_section.html", journal_section, order=40, reads=["reflections"]
        )
        navigation.register(_("Mon journal"), "reflections:journal", order=40, visible=lambda u: u.is_authenticated)
        navigation.register(_("Journaux partagés"), "reflections:shared", order=41, visible=can_read_shared_entries)
        core_demo.register("reflections", demo.load, order=60)
