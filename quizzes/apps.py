from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quiz")

    def ready(self):
        from accounts import personal_data
        from accounts.permissions import is_trainer
        from core import activities, invalidation, myspace, navigation
        from core import demo as core_demo
        from core.cache_versions import CONTENT, content_changed

        from . import demo, export
        from .models import Attempt, Quiz
        from .myspace import my_quizzes_context

        activities.register_titles("quiz", lambda ids: dict(Quiz.objects.filter(pk__in=ids).values_list("pk", "title")))

        personal_data.register("quiz", export.export_attempts, order=30)
        myspace.register("quiz", "quizzes/myspace.html", my_quizzes_context, order=40, reads=["quizzes"])
        invalidation.learner_records(Attempt, "quizzes", written_by="quizzes.taking.submit_attempt")
        # Quiz titles show on learners' cached "Mon espace"; quizzes are snippets, not pages.
        invalidation.records(Quiz, content_changed, CONTENT, "content", (invalidation.MYSPACE,))
        navigation.register(_("Résultats des quiz"), "quizzes:trainer_list", order=60, visible=is_trainer)
        core_demo.register("quizzes", demo.load, order=60)
