"""The demo is loaded once for every test of this package (twice, to check that a second load changes nothing),
inside a transaction rolled back when the package is done: the other tests start from the bare migrated database,
and each test here still runs in its own savepoint. The xdist group keeps these tests on one worker."""

import pytest
from django.core.management import call_command
from django.db import transaction

from tests.base_data import restore_base_data
from tests.factories import make_course, make_lesson

PRE_EXISTING_COURSE = "Le diagnostic partagé"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/demo/" in item.nodeid:
            item.add_marker(pytest.mark.xdist_group("demo"))


def snapshot():
    """What a second load must leave exactly as the first one made it."""
    from wagtail.models import Page, Revision

    from accounts.models import User
    from debrief.models import LiveSession
    from progress.models import Enrolment, LessonActivity
    from quizzes.models import Question, Quiz, QuizPage
    from reflections.models import Feedback, JournalEntry
    from teams.models import Assignment, Membership

    return {
        "pages": Page.objects.count(),
        "live_pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "users": sorted(User.objects.values_list("email", "groups__role__code")),
        "memberships": Membership.objects.count(),
        "assignments": sorted(Assignment.objects.values_list("team__name", "course_id")),
        "enrolments": Enrolment.objects.count(),
        "lesson_activities": LessonActivity.objects.count(),
        "questions": Question.objects.count(),
        "quizzes": Quiz.objects.count(),
        "quiz_pages": QuizPage.objects.count(),
        "journal_entries": JournalEntry.objects.count(),
        "feedback": Feedback.objects.count(),
        "live_sessions": LiveSession.objects.count(),
    }


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            # On a worker where a transactional test already emptied the tables, put back what migrations create.
            restore_base_data()
            # A course written before the demo is loaded must come through untouched.
            course = make_course(title=PRE_EXISTING_COURSE)
            make_lesson(course, title="Première leçon")
            make_lesson(course, title="Deuxième leçon")
            call_command("load_demo", force=True)
            first = snapshot()
            call_command("load_demo", force=True)
            yield {"first": first, "second": snapshot(), "pre_existing_course": course}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
