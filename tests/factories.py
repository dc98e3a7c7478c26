"""Test data builders. Later apps add their factories here."""

import factory
from allauth.account.models import EmailAddress

from accounts.models import User
from accounts.permissions import Role, assign_role

PASSWORD = "mot-de-passe-de-test-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.test")
    display_name = factory.Sequence(lambda n: f"Personne {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create:
            self.save()
            if extracted:
                assign_role(self, extracted)
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


def make_user(role=Role.LEARNER, **kwargs):
    return UserFactory(role=role, **kwargs)


# --- Courses -----------------------------------------------------------------------------------------


def home_page():
    from home.models import HomePage

    return HomePage.objects.first()


def make_catalogue(title="Catalogue", slug="formations"):
    from courses.models import CourseIndexPage

    existing = CourseIndexPage.objects.filter(slug=slug).first()
    if existing:
        return existing
    return publish(home_page(), CourseIndexPage(title=title, slug=slug))


def make_course(catalogue=None, title="Agir avec un collectif d'habitants", **fields):
    from courses.models import CoursePage

    fields.setdefault("summary", "Un module pour apprendre à construire une action collective.")
    fields.setdefault("objectives", "<ul><li>Mener un diagnostic partagé.</li></ul>")
    domains = fields.pop("domains", [])
    prerequisites = fields.pop("prerequisites", [])
    course = CoursePage(title=title, **fields)
    course.domains = domains
    course.prerequisites = prerequisites
    return publish(catalogue or make_catalogue(), course)


def make_lesson(course, title="Leçon", body=None, **fields):
    from courses.models import LessonPage

    lesson = LessonPage(title=title, body=body or [("rich_text", "<p>Contenu de la leçon.</p>")], **fields)
    return publish(course, lesson)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# --- Teams -------------------------------------------------------------------------------------------


def make_team(name="Équipe accueil", organisation="CCAS de Valmont", manager=None, members=()):
    from teams.assigning import add_member
    from teams.models import Membership, Organisation, Team

    org, _ = Organisation.objects.get_or_create(name=organisation)
    team, _ = Team.objects.get_or_create(organisation=org, name=name)
    if manager is not None:
        add_member(team, manager, Membership.Role.MANAGER)
    for user in members:
        add_member(team, user)
    return team


def complete_lessons(user, course, count=None):
    """Complete the first `count` live lessons of a course (all by default) through progress.api."""
    from courses.completion import course_lessons
    from progress import api as progress
    from progress.models import Status

    for lesson in list(course_lessons(course))[:count]:
        progress.record_activity(user, lesson.activity_key, Status.COMPLETED, duration=300)
