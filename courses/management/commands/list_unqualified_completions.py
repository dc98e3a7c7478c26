"""Lessons recorded as completed although a required activity is not: completions made by the button before the
rule held. Listed for trainers to follow up, never removed (a certificate may already rest on them)."""

from django.core.management.base import BaseCommand

from courses.completion import missing_required_activities
from courses.models import LessonPage
from progress.models import ActivityResult, LessonActivity, Status


class Command(BaseCommand):
    help = "Liste les leçons terminées dont une activité obligatoire ne l'est pas (rien n'est modifié)."

    def handle(self, *args, **options):
        lessons = LessonPage.objects.live().filter(
            pk__in=LessonActivity.objects.filter(required=True).values("lesson_id")
        )
        found = 0
        for lesson in lessons.specific():
            course = lesson.get_parent()
            for result in completions_of(lesson):
                missing = missing_required_activities(result.user, lesson)
                if missing:
                    found += 1
                    when = f"{result.completed_at:%d/%m/%Y}" if result.completed_at else "?"
                    self.stdout.write(
                        f"{result.user.email} ; module « {course.title} » ; leçon « {lesson.title} » ; "
                        f"terminée le {when} ; manque : {', '.join(missing)}"
                    )
        self.stdout.write(f"{found} leçon(s) terminée(s) sans toutes leurs activités obligatoires.")


def completions_of(lesson):
    return ActivityResult.objects.filter(activity_key=lesson.activity_key, status=Status.COMPLETED).select_related(
        "user"
    )
