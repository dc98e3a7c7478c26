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


# --- Quizzes -----------------------------------------------------------------------------------------


def make_category(name="Repères"):
    from quizzes.models import QuestionCategory

    return QuestionCategory.objects.get_or_create(name=name)[0]


def make_question(qtype="single", choices=None, category=None, name=None, **fields):
    """A question with its choices: a list of (text, is_correct) or (text, is_correct, match_text)."""
    from quizzes.models import Choice, Question

    fields.setdefault("text", f"Énoncé de la question {qtype}")
    question = Question.objects.create(
        category=category or make_category(), qtype=qtype, name=name or f"Question {qtype}", **fields
    )
    for order, spec in enumerate(choices or []):
        text, correct, match = (list(spec) + [""])[:3]
        Choice.objects.create(question=question, sort_order=order, text=text, is_correct=correct, match_text=match)
    return question


def make_all_types(category=None):
    """One question of every type with known right answers (see right_answers in tests/quizzes)."""
    category = category or make_category()
    return {
        "single": make_question(
            "single", [("Le CSTS", True), ("L'ODAS", False), ("L'ANAS", False)], category, feedback_correct="Bravo"
        ),
        "multiple": make_question("multiple", [("TSG", True), ("DSL", True), ("Médiation numérique", False)], category),
        "true_false": make_question("true_false", [], category, true_false_answer=False),
        "matching": make_question(
            "matching", [("CCAS", False, "Centre communal"), ("CVS", False, "Conseil de la vie sociale")], category
        ),
        "ordering": make_question(
            "ordering", [("Diagnostic", False), ("Mobilisation", False), ("Action", False)], category
        ),
        "short_answer": make_question("short_answer", [], category, accepted_answers="non-recours\nnon recours"),
    }


def make_quiz(questions=(), draws=(), **fields):
    """A quiz with fixed questions and draws [(category, count)]."""
    from quizzes.models import Quiz, QuizItem

    fields.setdefault("title", "Quiz de test")
    quiz = Quiz.objects.create(**fields)
    order = 0
    for question in questions:
        QuizItem.objects.create(quiz=quiz, question=question, sort_order=order)
        order += 1
    for category, count in draws:
        QuizItem.objects.create(quiz=quiz, category=category, draw_count=count, sort_order=order)
        order += 1
    return quiz


def make_quiz_page(quiz, title=None, slug=None):
    from quizzes.models import QuizIndexPage, QuizPage

    index = QuizIndexPage.objects.first()
    if index is None:
        index = publish(home_page(), QuizIndexPage(title="Quiz", slug="quiz"))
    return publish(index, QuizPage(title=title or quiz.title, slug=slug or f"quiz-{quiz.pk}", quiz=quiz))
