from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quiz")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from accounts import personal_data
        from accounts.permissions import is_trainer
        from core import demo as core_demo
        from core import myspace, navigation
        from core.cache_versions import content_changed

        from . import demo, export
        from .models import Quiz
        from .myspace import my_quizzes_context

        personal_data.register("quiz", export.export_attempts, order=30)
        myspace.register("quiz", "quizzes/myspace.html", my_quizzes_context, order=40, reads=["quizzes"])
        # Quiz titles show on learners' cached "Mon espace"; quizzes are snippets, not pages.
        for name, signal in {"saved": post_save, "deleted": post_delete}.items():
            signal.connect(content_changed, sender=Quiz, dispatch_uid=f"quizzes.myspace_{name}")
        navigation.register(_("Résultats des quiz"), "quizzes:trainer_list", order=60, visible=is_trainer)
        core_demo.register("quizzes", demo.load, order=60)
