"""The courses' xAPI statements: "completed" the first time a learner completes a lesson or a module.

Stable activity ids built from the page numbers (/lecons/<id>/, /modules/<id>/, the prefixes of the courses'
own addresses), not from slugs an editor may change. A lesson's statement names its module as parent.
"""

from statements import api as statements


def lesson_iri(lesson_pk):
    return statements.activity_iri(f"/lecons/{lesson_pk}/")


def course_iri(course_pk):
    return statements.activity_iri(f"/modules/{course_pk}/")


def lesson_completed(user, lesson, course=None):
    statement = statements.build_statement(
        user, "completed", lesson_iri(lesson.pk), lesson.title, result={"completion": True}
    )
    if course is not None:
        name = {"fr-FR": course.title}
        parent = {"objectType": "Activity", "id": course_iri(course.pk), "definition": {"name": name}}
        statement["context"] = {"contextActivities": {"parent": [parent]}}
    statements.store_statement(user, statement)


def course_completed(user, course):
    statement = statements.build_statement(
        user, "completed", course_iri(course.pk), course.title, result={"completion": True}
    )
    statements.store_statement(user, statement)
