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


# --- H5P -----------------------------------------------------------------------------------------------

H5P_FIXTURES = "/work/shared/fixtures/h5p"


def h5p_fixture_path(name):
    """A real package from the shared fixtures (read in place, never copied into the project)."""
    from pathlib import Path

    base = Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures" / "h5p"
    if not base.is_dir():
        base = Path(H5P_FIXTURES)
    return base / f"{name}.h5p"


def make_h5p_activity(name="truefalse-hello-world", title="", user=None, data=None):
    """Install a package (a fixture name, or raw bytes in `data`) as an activity through the real service."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile

    from h5p.models import H5PActivity
    from h5p.store import install_package

    content = data if data is not None else h5p_fixture_path(name).read_bytes()
    upload = SimpleUploadedFile(f"{name}.h5p", io.BytesIO(content).getvalue(), content_type="application/zip")
    return install_package(H5PActivity(title=title), upload, user=user)
