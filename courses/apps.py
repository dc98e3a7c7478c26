from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Formations")

    def ready(self):
        from core import demo as core_demo
        from core import myspace, navigation

        from . import (
            completion,  # noqa: F401  (signal receivers)
            demo,
            fragments,
            moderation,
        )
        from .myspace import my_courses_context

        fragments.connect()
        moderation.silence_per_page_emails_in_module_reviews()

        navigation.register(_("Formations"), "catalogue", order=10)
        myspace.register("courses", "courses/myspace.html", my_courses_context, order=10, reads=["progress"])
        core_demo.register("courses", demo.load, order=70)  # after cases and quizzes it points at
