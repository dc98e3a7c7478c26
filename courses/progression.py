"""What a learner sees of courses: lesson states, percentage, next step and locks, in a bounded number of queries.

Views, page templates and "Mon espace" all read progress through `progress_for_courses()`, which costs the
same few queries whether it is given one course or two hundred, with four lessons each or forty.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import TextChoices
from django.db.models.functions import Substr
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _

from core.cache_versions import content_version, learner_versions
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


OUTLINE_TIMEOUT = 24 * 3600


@dataclass(frozen=True)
class Outline:
    """The shape of a course as progress needs it: its live lessons (pk, title, slug, duration) in order, and the
    ids of its prerequisite courses. It changes only when pages are published, unpublished, moved or deleted."""

    lessons: tuple
    prerequisite_ids: tuple


def _read_outlines(courses):
    """{course pk: Outline} from the database: one query for the lessons (per depth of the courses), one for
    the prerequisites."""
    by_path = {course.path: course.pk for course in courses}
    lessons = {course.pk: [] for course in courses}
    for depth in sorted({course.depth for course in courses}):  # courses all sit at one depth in practice
        rows = (
            LessonPage.objects.live()
            .annotate(parent_path=Substr("path", 1, depth * LessonPage.steplen))
            .filter(depth=depth + 1, parent_path__in=[c.path for c in courses if c.depth == depth])
            .order_by("path")
            .values_list("pk", "title", "slug", "duration_minutes", "parent_path")
        )
        for pk, title, slug, duration, parent_path in rows:
            lessons[by_path[parent_path]].append((pk, title, slug, duration))
    prerequisites = {course.pk: [] for course in courses}
    through = CoursePage.prerequisites.through
    pairs = through.objects.filter(from_coursepage_id__in=list(prerequisites)).values_list(
        "from_coursepage_id", "to_coursepage_id"
    )
    for source, target in pairs:
        prerequisites[source].append(target)
    return {pk: Outline(tuple(lessons[pk]), tuple(prerequisites[pk])) for pk in lessons}


def outlines_of(courses):
    """{course pk: Outline}, from the cache (one call for all the courses) while no page is published."""
    content = content_version()
    keys = {course.pk: f"course-outline:{course.pk}:{content}" for course in courses}
    found = cache.get_many(list(keys.values()))
    missing = [course for course in courses if keys[course.pk] not in found]
    if missing:
        read = {keys[pk]: outline for pk, outline in _read_outlines(missing).items()}
        cache.set_many(read, OUTLINE_TIMEOUT)
        found.update(read)
    return {pk: found[key] for pk, key in keys.items()}


def live_lessons_of(courses, request=None, outlines=None):
    """{course pk: [LessonRef of its live lessons, in tree order]}."""
    courses = list(courses)
    outlines = outlines_of(courses) if outlines is None else outlines
    result = {}
    for course in courses:
        url = course.get_url(request)
        result[course.pk] = [
            # The course's address followed by the slug, encoded as Wagtail does.
            LessonRef(pk, title, slug, duration, f"{url}{iri_to_uri(slug)}/" if url else None)
            for pk, title, slug, duration in outlines[course.pk].lessons
        ]
    return result


def prerequisites_of(courses, outlines=None):
    """{course pk: [live prerequisite courses, by title]}; a query only when some course has prerequisites."""
    courses = list(courses)
    outlines = outlines_of(courses) if outlines is None else outlines
    wanted = {target for course in courses for target in outlines[course.pk].prerequisite_ids}
    pages = CoursePage.objects.live().in_bulk(wanted) if wanted else {}
    return {
        course.pk: sorted(
            (pages[target] for target in outlines[course.pk].prerequisite_ids if target in pages),
            key=lambda page: page.title,
        )
        for course in courses
    }


RECORDS_TIMEOUT = 600


def learner_records(user, course_ids, keys):
    """(states of the activity keys, enrolments by course) of a learner: two queries, or one cache call while the
    learner's records do not change (lessons are mostly read, and re-read, without writing anything)."""
    wanted = hashlib.sha1(f"{sorted(course_ids)}{sorted(keys)}".encode(), usedforsecurity=False).hexdigest()
    key = f"learner-records:{user.pk}:{learner_versions(user.pk, ['progress'])['progress']}:{wanted}"
    records = cache.get(key)
    if records is None:
        states = progress.states_for(user, keys) if keys else {}
        enrolments = {e.course_id: e for e in Enrolment.objects.filter(user=user, course_id__in=course_ids)}
        records = (states, enrolments)
        cache.set(key, records, RECORDS_TIMEOUT)
    return records


def progress_for_courses(user, courses, enrolments=None, request=None):
    """{course pk: CourseProgress} for a learner (anonymous users get empty progress).

    `enrolments`: the learner's Enrolment rows when the caller already has them (saves a query).
    `request`: lets Wagtail compute the courses' addresses without asking the cache each time."""
    courses = [course for course in courses if course.pk]
    outlines = outlines_of(courses)
    lessons = live_lessons_of(courses, request, outlines)
    prerequisites = prerequisites_of(courses, outlines)
    authenticated = user.is_authenticated
    keys = {lesson.activity_key for items in lessons.values() for lesson in items}
    keys |= {prerequisite.activity_key for items in prerequisites.values() for prerequisite in items}
    if not authenticated:
        results, enrolments = {}, {}
    elif enrolments is not None:
        results, enrolments = progress.states_for(user, keys) if keys else {}, {e.course_id: e for e in enrolments}
    else:
        results, enrolments = learner_records(user, [c.pk for c in courses], keys)

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
