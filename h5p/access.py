"""Who may play an H5P activity, in one place.

Trainers and administrators may play every activity (to preview them). A learner may play an activity
used in at least one live lesson they are allowed to see (Wagtail page privacy applies). Lessons are
read through the index courses.completion keeps of each published lesson's activities, which lives in
progress (below h5p) so h5p does not import courses (courses imports h5p's block).
"""

from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat

from accounts.permissions import is_trainer
from progress import activity_access
from progress.models import LessonActivity

from .models import H5PActivity


def lessons_using(activity):
    """The live lessons whose body holds this activity."""
    return activity_access.lessons_using(activity.activity_key)


def can_play(request, activity):
    user = request.user
    if not user.is_authenticated:
        return False
    if is_trainer(user):
        return True
    return activity_access.in_a_visible_lesson(request, activity.activity_key)


def visible_to(user):
    """Activities a user may open, before page privacy (checked per page by can_play)."""
    if not user.is_authenticated:
        return H5PActivity.objects.none()
    if is_trainer(user):
        return H5PActivity.objects.all()
    key = Concat(Value("h5p:"), Cast("pk", output_field=CharField()), output_field=CharField())
    used = LessonActivity.objects.filter(lesson__live=True, activity_key=OuterRef("key"))
    return H5PActivity.objects.annotate(key=key).filter(Exists(used))


def records_progress(user, activity):
    """Whether the user's answers count: enrolled in a course holding a live lesson that uses this activity."""
    return activity_access.counts_for_progress(user, activity.activity_key)
