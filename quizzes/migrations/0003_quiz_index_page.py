"""A "Quiz" index page under the home page, so quiz pages have a home after a bare `migrate`."""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _next_step(last_step):
    number = 0
    for char in last_step:
        number = number * len(ALPHABET) + ALPHABET.index(char)
    number += 1
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def create_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("home", "HomePage")
    QuizIndexPage = apps.get_model("quizzes", "QuizIndexPage")
    home = HomePage.objects.first()
    if home is None or QuizIndexPage.objects.exists():
        return
    last = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    step = _next_step(last.path[-STEPLEN:]) if last else "0001"
    content_type, _ = ContentType.objects.get_or_create(app_label="quizzes", model="quizindexpage")
    QuizIndexPage.objects.create(
        title="Quiz",
        draft_title="Quiz",
        slug="quiz",
        content_type=content_type,
        path=home.path + step,
        depth=home.depth + 1,
        numchild=0,
        url_path=home.url_path + "quiz/",
        intro="Testez vos repères sur l'intervention sociale collective et situez-vous avant et après la formation.",
        locale_id=home.locale_id,
        live=True,
    )
    Page.objects.filter(pk=home.pk).update(
        numchild=Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    )


def remove_index(apps, schema_editor):
    apps.get_model("quizzes", "QuizIndexPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0002_trainer_permissions"), ("home", "0002_create_homepage")]
    operations = [migrations.RunPython(create_index, remove_index)]
