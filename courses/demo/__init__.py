"""The French demo curriculum on collective social intervention: eight modules, and a demo learner's progress.

Written for the platform from the domain notes (/work/shared/domain); facts marked uncertain there are left out.
Each module lives in its own file as plain data; this loader turns them into pages.

Idempotent, and safe for trainers' work: a module or lesson is found by slug and created when missing. An
existing page is brought up to date only while nobody has edited it in the admin (all its revisions were made by
code) and only when its content differs, so loading the demo twice creates no page and no revision.
Activity blocks point at demo cases and quizzes by slug; one whose target does not exist is left out.
"""

import json

from django.apps import apps

from core.models import CompetenceDomain
from progress import api as progress
from progress.models import Status

from ..bootstrap import create_catalogue
from ..models import CourseIndexPage, CoursePage, CourseTrainer, LessonPage
from . import digital, evaluation, foundations, groups, mediation, participation, territory
from .helpers import CASE_MARKER, QUIZ_MARKER

DEMO_LEARNER = "apprenante@demo.collectif.test"
DEMO_LEAD_TRAINER = "referente@demo.collectif.test"

# Catalogue order; a module comes after its prerequisites.
COURSES = [
    *foundations.COURSES,
    participation.COURSE,
    groups.COURSE,
    mediation.COURSE,
    digital.COURSE,
    territory.COURSE,
    evaluation.COURSE,
]
# Durations are not declared: pages compute them from their content on save (courses.durations).
COURSE_FIELDS = ("title", "summary", "objectives", "audience", "level", "sequencing")
LESSON_FIELDS = ("title", "summary", "objectives")


def ensure_catalogue():
    catalogue = CourseIndexPage.objects.order_by("path").first()
    if catalogue is None:
        create_catalogue(apps, None)
        catalogue = CourseIndexPage.objects.order_by("path").first()
    return catalogue


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def edited_by_someone(page):
    """True once a person saved the page in the admin: from then on the demo leaves it alone."""
    return page.revisions.exclude(user=None).exists()


class Targets:
    """Demo cases and quizzes that activity blocks point at, looked up once per load."""

    def __init__(self):
        from cases.models import CasePage
        from quizzes.models.pages import QuizPage

        self.cases = dict(CasePage.objects.live().values_list("slug", "pk"))
        self.quizzes = dict(QuizPage.objects.live().values_list("slug", "quiz_id"))

    def resolve(self, body):
        """The lesson body with markers turned into case and quiz blocks; missing targets are left out."""
        resolved = []
        for item in body:
            value = item["value"]
            if item["type"] == CASE_MARKER:
                case_id = self.cases.get(value["slug"])
                if case_id:
                    resolved.append(
                        {
                            "type": "case",
                            "value": {
                                "case": case_id,
                                "introduction": value["introduction"],
                                "required": value["required"],
                            },
                        }
                    )
            elif item["type"] == QUIZ_MARKER:
                quiz_id = self.quizzes.get(value["page_slug"])
                if quiz_id:
                    resolved.append({"type": "quiz", "value": {"quiz": quiz_id, "required": value["required"]}})
            else:
                resolved.append(item)
        return resolved


def canonical(data):
    """Stream data without block ids, list items unwrapped: equal for the same content however it was saved."""
    if isinstance(data, dict):
        if data.get("type") == "item" and set(data) <= {"type", "value", "id"}:
            return canonical(data.get("value"))
        return {key: canonical(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list | tuple):
        return [canonical(value) for value in data]
    return data


def relations_of(spec):
    return (
        list(CompetenceDomain.objects.filter(code__in=spec["domains"])),
        list(CoursePage.objects.filter(slug__in=spec.get("prerequisites", []))),
    )


def ensure_course(catalogue, spec):
    course = CoursePage.objects.child_of(catalogue).filter(slug=spec["slug"]).first()
    domains, prerequisites = relations_of(spec)
    if course is None:
        course = CoursePage(slug=spec["slug"], **{field: spec[field] for field in COURSE_FIELDS})
        course.domains, course.prerequisites = domains, prerequisites
        return publish_child(catalogue, course), True
    course = course.specific
    changed = (
        any(getattr(course, field) != spec[field] for field in COURSE_FIELDS)
        or (course.duration_minutes != course.effective_minutes())
        or (
            {d.pk for d in course.domains.all()} != {d.pk for d in domains}
            or {p.pk for p in course.prerequisites.all()} != {p.pk for p in prerequisites}
        )
    )
    if changed and not edited_by_someone(course):
        for field in COURSE_FIELDS:
            setattr(course, field, spec[field])
        course.domains, course.prerequisites = domains, prerequisites
        course.save_revision().publish()
        return course, True
    return course, False


def objectives_html(objectives):
    return "<ul>" + "".join(f"<li>{objective}</li>" for objective in objectives) + "</ul>"


def ensure_lesson(course, spec, targets):
    spec = {**spec, "objectives": objectives_html(spec["objectives"])}
    body = targets.resolve(spec["body"])
    lesson = LessonPage.objects.child_of(course).filter(slug=spec["slug"]).first()
    if lesson is None:
        fields = {field: spec[field] for field in LESSON_FIELDS}
        publish_child(course, LessonPage(slug=spec["slug"], body=json.dumps(body), **fields))
        return True
    changed = (
        any(getattr(lesson, field) != spec[field] for field in LESSON_FIELDS)
        or canonical(list(lesson.body.raw_data)) != canonical(body)
        or lesson.duration_minutes != lesson.effective_minutes()
    )
    if changed and not edited_by_someone(lesson):
        for field in LESSON_FIELDS:
            setattr(lesson, field, spec[field])
        lesson.body = json.dumps(body)
        lesson.save_revision().publish()
        return True
    return False


def give_progress(user, course, lessons_done):
    """Enrol and complete the first lessons, only where nothing is recorded yet (idempotent)."""
    progress.enrol(user, course)
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path")[:lessons_done])
    done = progress.completed_keys(user, [lesson.activity_key for lesson in lessons])
    for lesson in lessons:
        if lesson.activity_key not in done:
            progress.record_activity(user, lesson.activity_key, Status.COMPLETED)


def assign_demo_trainer(User, courses):
    """The demo trainer is course trainer of every demo course (assigned by the demo lead trainer), so that
    `make run` shows her every report and result of their activities (core/scope.py). Idempotent."""
    from accounts.demo import TRAINER_EMAIL

    trainer = User.objects.filter(email=TRAINER_EMAIL).first()
    if trainer is None:
        return
    lead = User.objects.filter(email=DEMO_LEAD_TRAINER).first()
    for course in courses:
        CourseTrainer.objects.get_or_create(course=course, trainer=trainer, defaults={"assigned_by": lead})


def load():
    catalogue = ensure_catalogue()
    targets = Targets()
    courses, changes = [], 0
    for spec in COURSES:
        course, changed = ensure_course(catalogue, spec)
        changes += changed + sum(ensure_lesson(course, lesson, targets) for lesson in spec["lessons"])
        courses.append(course)
    User = apps.get_model("accounts", "User")
    assign_demo_trainer(User, courses)
    learner = User.objects.filter(email=DEMO_LEARNER).first()
    if learner is not None:
        give_progress(learner, courses[0], lessons_done=3)
        give_progress(learner, courses[1], lessons_done=1)
    if not changes:
        return []
    return [f"Formations de démonstration : {len(courses)} modules ({changes} page(s) créée(s) ou mise(s) à jour)."]
