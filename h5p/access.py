"""Who may play an H5P activity, in one place.

Trainers and administrators may play every activity (to preview them). A learner may play an activity
used in at least one live lesson they are allowed to see (Wagtail page privacy applies). Lessons are
read through the index courses.completion keeps of each published lesson's activities; courses is
looked up lazily so h5p does not import it (courses imports h5p's block).
"""

from django.apps import apps
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from wagtail.models import Page

from accounts.permissions import is_trainer

from .models import H5PActivity


def _lesson_activity_model():
    return apps.get_model("courses", "LessonActivity")


def lessons_using(activity):
    """The live lessons whose body holds this activity."""
    LessonActivity = _lesson_activity_model()
    lesson_ids = LessonActivity.objects.filter(activity_key=activity.activity_key).values("lesson_id")
    return Page.objects.live().filter(pk__in=lesson_ids)


def _page_visible(request, page):
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def can_play(request, activity):
    user = request.user
    if not user.is_authenticated:
        return False
    if is_trainer(user):
        return True
    return any(_page_visible(request, page) for page in lessons_using(activity))


def visible_to(user):
    """Activities a user may open, before page privacy (checked per page by can_play)."""
    if not user.is_authenticated:
        return H5PActivity.objects.none()
    if is_trainer(user):
        return H5PActivity.objects.all()
    LessonActivity = _lesson_activity_model()
    key = Concat(Value("h5p:"), Cast("pk", output_field=CharField()), output_field=CharField())
    used = LessonActivity.objects.filter(lesson__live=True, activity_key=OuterRef("key"))
    return H5PActivity.objects.annotate(key=key).filter(Exists(used))
