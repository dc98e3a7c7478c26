"""What a learner sees of courses: lesson states, percentage, next step and locks, in a bounded number of queries.

Views, page templates and "Mon espace" all read progress through `progress_for_courses()`, which costs the
same few queries whether it is given one course or two hundred, with four lessons each or forty.
"""

from dataclasses import dataclass, field

from django.db.models import TextChoices
from django.db.models.functions import Substr
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _

from progress import api as progress
from progress.models import Enrolment, Status

from .models import CoursePage, LessonPage


class LessonStatus(TextChoices):
    DONE = "done", _("Terminée")
    STARTED = "started", _("Commencée")
    NOT_STARTED = "todo", _("À faire")
    LOCKED = "locked", _("Verrouillée")


@dataclass(frozen=True)
class LessonRef:
    """What progress shows of a lesson, read as plain values: building full page objects would cost more than
    the rest of the work (a learner enrolled in 30 courses has 240 lessons on "Mon espace")."""

    pk: int
    title: str
    slug: str
    duration_minutes: int
    url: str | None  # the course's address followed by the lesson's slug; None when the course has none

    @property
    def id(self):
        return self.pk

    @property
    def activity_key(self):
        return f"lesson:{self.pk}"


@dataclass
class LessonState:
    lesson: LessonRef
    position: int
    status: str
    completed_at: object = None
    # In linear mode, the earlier lesson that must be finished first.
    blocked_by: LessonRef | None = None

    @property
    def label(self):
        return LessonStatus(self.status).label

    @property
    def is_done(self):
        return self.status == LessonStatus.DONE

    @property
    def is_locked(self):
        return self.status == LessonStatus.LOCKED


@dataclass
class CourseProgress:
    course: CoursePage
    lessons: list[LessonState] = field(default_factory=list)
    enrolment: Enrolment | None = None
    missing_prerequisites: list[CoursePage] = field(default_factory=list)
    prerequisites: list[CoursePage] = field(default_factory=list)

    @property
    def total(self):
        return len(self.lessons)

    @property
    def done(self):
        return sum(1 for state in self.lessons if state.is_done)

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_enrolled(self):
        return self.enrolment is not None

    @property
    def is_complete(self):
        return self.total > 0 and self.done == self.total

    @property
    def is_locked(self):
        """Unfinished prerequisites lock the whole course."""
        return bool(self.missing_prerequisites)

    @property
    def next_state(self):
        """The first unfinished lesson: where "Reprendre" leads."""
        return next((state for state in self.lessons if not state.is_done), None)

    @property
    def has_started(self):
        return any(state.status in (LessonStatus.DONE, LessonStatus.STARTED) for state in self.lessons)

    def state_of(self, lesson):
        return next((state for state in self.lessons if state.lesson.pk == lesson.pk), None)

    def neighbours(self, lesson):
        """(previous, next) lesson states around a lesson, None at the ends."""
        index = next((i for i, state in enumerate(self.lessons) if state.lesson.pk == lesson.pk), None)
        if index is None:
            return None, None
        previous = self.lessons[index - 1] if index > 0 else None
        following = self.lessons[index + 1] if index + 1 < len(self.lessons) else None
        return previous, following


def live_lessons_of(courses, request=None):
    """{course pk: [LessonRef of its live lessons, in tree order]} in one query (per depth of the courses)."""
    courses = list(courses)
    result = {course.pk: [] for course in courses}
    if not courses:
        return result
    by_path = {course.path: course for course in courses}
    urls = {}
    rows = []
    for depth in sorted({course.depth for course in courses}):  # courses all sit at one depth in practice
        parent_length = depth * LessonPage.steplen
        rows += (
            LessonPage.objects.live()
            .annotate(parent_path=Substr("path", 1, parent_length))
            .filter(depth=depth + 1, parent_path__in=[c.path for c in courses if c.depth == depth])
            .order_by("path")
            .values_list("pk", "title", "slug", "path", "duration_minutes")
        )
    for pk, title, slug, path, duration in rows:
        course = by_path.get(path[: -LessonPage.steplen])
        if course is None:
            continue
        if course.pk not in urls:
            urls[course.pk] = course.get_url(request)
        url = f"{urls[course.pk]}{iri_to_uri(slug)}/" if urls[course.pk] else None  # encoded as Wagtail does
        result[course.pk].append(LessonRef(pk, title, slug, duration, url))
    return result


def prerequisites_of(courses):
    """{course pk: [live prerequisite courses]} in two queries."""
    through = CoursePage.prerequisites.through
    pairs = list(
        through.objects.filter(from_coursepage_id__in=[c.pk for c in courses]).values_list(
            "from_coursepage_id", "to_coursepage_id"
        )
    )
    result = {course.pk: [] for course in courses}
    if not pairs:
        return result
    pages = CoursePage.objects.live().in_bulk({target for _, target in pairs})
    for source, target in pairs:
        if target in pages:
            result[source].append(pages[target])
    for prerequisites in result.values():
        prerequisites.sort(key=lambda page: page.title)
    return result


def progress_for_courses(user, courses, enrolments=None, request=None):
    """{course pk: CourseProgress} for a learner (anonymous users get empty progress).

    `enrolments`: the learner's Enrolment rows when the caller already has them (saves a query).
    `request`: lets Wagtail compute the courses' addresses without asking the cache each time."""
    courses = [course for course in courses if course.pk]
    lessons = live_lessons_of(courses, request)
    prerequisites = prerequisites_of(courses)
    authenticated = user.is_authenticated
    keys = {lesson.activity_key for items in lessons.values() for lesson in items}
    keys |= {prerequisite.activity_key for items in prerequisites.values() for prerequisite in items}
    results = progress.states_for(user, keys) if authenticated and keys else {}
    if enrolments is not None:
        enrolments = {e.course_id: e for e in enrolments}
    elif authenticated and courses:
        enrolments = {
            e.course_id: e for e in Enrolment.objects.filter(user=user, course_id__in=[c.pk for c in courses])
        }
    else:
        enrolments = {}

    summary = {}
    for course in courses:
        missing = [
            p
            for p in prerequisites[course.pk]
            if not (results.get(p.activity_key) and results[p.activity_key].is_completed)
        ]
        states = _lesson_states(course, lessons[course.pk], results, locked=authenticated and bool(missing))
        summary[course.pk] = CourseProgress(
            course=course,
            lessons=states,
            enrolment=enrolments.get(course.pk),
            missing_prerequisites=missing if authenticated else [],
            prerequisites=prerequisites[course.pk],
        )
    return summary


def _lesson_states(course, lessons, results, locked):
    states = []
    first_unfinished = None
    linear = course.sequencing == CoursePage.Sequencing.LINEAR
    for position, lesson in enumerate(lessons, start=1):
        result = results.get(lesson.activity_key)
        if result and result.status == Status.COMPLETED:
            state = LessonState(lesson, position, LessonStatus.DONE, completed_at=result.completed_at)
        elif locked:
            state = LessonState(lesson, position, LessonStatus.LOCKED)
        elif linear and first_unfinished is not None:
            state = LessonState(lesson, position, LessonStatus.LOCKED, blocked_by=first_unfinished)
        else:
            status = LessonStatus.STARTED if result else LessonStatus.NOT_STARTED
            state = LessonState(lesson, position, status)
        if not state.is_done and first_unfinished is None:
            first_unfinished = lesson
        states.append(state)
    return states


def course_progress(user, course, request=None):
    if not course.pk:  # a new course previewed before its first save
        return CourseProgress(course=course)
    return progress_for_courses(user, [course], request=request)[course.pk]
