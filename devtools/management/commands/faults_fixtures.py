import json

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from accounts.models import User
from bench import seed

H5P_TITLE = "Question interactive (pannes)"
H5P_COURSE_SLUG = "bench-pannes-h5p"


class Command(BaseCommand):
    help = (
        "Pour make faults : une activité H5P dans une leçon, les apprenant·es de mesure inscrit·es, et en JSON ce "
        "que les clients simulés en ont besoin (leçon, identifiant de l'activité, acteur xAPI de chacun·e)."
    )

    def handle(self, *args, **options):
        if "bench" not in str(connection.settings_dict.get("NAME", "")):
            raise CommandError("faults_fixtures ne s'exécute que sur une base de mesure (nom contenant « bench »).")
        from h5p.models import H5PActivity
        from progress import api as progress
        from scripts.scale_fixtures import _course
        from statements.api import actor_for
        from tests.factories import make_h5p_activity

        activity = H5PActivity.objects.filter(title=H5P_TITLE).first() or make_h5p_activity(title=H5P_TITLE)
        course = _course(
            H5P_COURSE_SLUG,
            "Module interactif (pannes)",
            [("Leçon interactive", [("h5p", {"activity": activity, "required": True})])],
        )
        learners = User.objects.filter(email__startswith="apprenant-", email__endswith="@" + seed.DOMAIN)
        for learner in learners:
            progress.enrol(learner, course)
        lesson = course.get_children().live().first()
        self.stdout.write(
            json.dumps(
                {
                    "activity": activity.pk,
                    "iri": activity.get_iri(),
                    "lesson_url": lesson.url,
                    "actors": {learner.email: actor_for(learner) for learner in learners},
                }
            )
        )
