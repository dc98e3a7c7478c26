from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Crée les comptes et contenus utilisés par `make scale-check` (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--h5p-lesson",
            action="store_true",
            help="Crée la leçon qui joue l'activité H5P déposée par la formatrice, et y inscrit l'apprenant·e.",
        )
        parser.add_argument("--reminded", type=int, default=500, help="Nombre de personnes à relancer.")

    def handle(self, *args, h5p_lesson, reminded, **options):
        from scripts import scale_fixtures

        if h5p_lesson:
            course = scale_fixtures.create_h5p_lesson()
            self.stdout.write(f"Leçon H5P prête dans « {course.title} ».")
        else:
            scale_fixtures.create(reminded=reminded)
            self.stdout.write("Comptes, quiz et affectation à relancer prêts.")
