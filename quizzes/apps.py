from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quiz")

    def ready(self):
        from accounts import personal_data
        from accounts.permissions import is_trainer
        from core import demo as core_demo
        from core import myspace, navigation

        from . import demo, export
        from .myspace import my_quizzes_context

        personal_data.register("quiz", export.export_attempts, order=30)
        myspace.register("quiz", "quizzes/myspace.html", my_quizzes_context, order=40)
        navigation.register(_("Résultats des quiz"), "quizzes:trainer_list", order=60, visible=is_trainer)
        core_demo.register("quizzes", demo.load, order=60)
