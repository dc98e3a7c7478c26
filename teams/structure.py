"""What a set of courses contains (lessons, scored activities, pages), read in a fixed number of queries."""

from dataclasses import dataclass, field

from courses.models import CoursePage, LessonPage
from progress.models import LessonActivity

SCORED_PREFIXES = ("quiz:",)


@dataclass
class CourseStructure:
    course: CoursePage
    lesson_ids: list = field(default_factory=list)
    lesson_titles: dict = field(default_factory=dict)
    activity_keys: list = field(default_factory=list)

    @property
    def lesson_keys(self):
        return [f"lesson:{pk}" for pk in self.lesson_ids]

    @property
    def quiz_keys(self):
        return [key for key in self.activity_keys if key.startswith(SCORED_PREFIXES)]

    @property
    def page_ids(self):
        return [self.course.pk, *self.lesson_ids]


def structures(courses):
    """{course_id: CourseStructure} for the given CoursePages: two queries, whatever their number."""
    result = {course.pk: CourseStructure(course) for course in courses}
    if not result:
        return result
    by_path = {course.path: course.pk for course in courses}
    depth = {course.depth for course in courses}
    lessons = LessonPage.objects.live().filter(depth__in=[d + 1 for d in depth]).order_by("path")
    lessons = lessons.values_list("pk", "path", "title", "depth")
    lesson_course = {}
    for pk, path, title, lesson_depth in lessons:
        parent_path = path[: (lesson_depth - 1) * LessonPage.steplen]
        course_id = by_path.get(parent_path)
        if course_id is not None:
            result[course_id].lesson_ids.append(pk)
            result[course_id].lesson_titles[pk] = title
            lesson_course[pk] = course_id
    if lesson_course:
        activities = LessonActivity.objects.filter(lesson_id__in=list(lesson_course)).order_by(
            "lesson__path", "sort_order"
        )
        for lesson_id, key in activities.values_list("lesson_id", "activity_key"):
            result[lesson_course[lesson_id]].activity_keys.append(key)
    return result


def best_score_keys(structure):
    """The keys whose scores stand for "the course's result": quizzes if any, otherwise every activity."""
    return structure.quiz_keys or structure.activity_keys
