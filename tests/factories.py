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


def make_course_trainer(trainer, *, cases=(), quizzes=(), course=None, assigned_by=None):
    """Assign `trainer` as course trainer (core/scope.py) of a course whose lesson embeds these cases and quizzes."""
    from courses.models import CourseTrainer

    course = course or make_course(title=f"Module de {trainer}")
    body = [("case", {"case": case, "introduction": "", "required": True}) for case in cases]
    body += [("quiz", {"quiz": quiz, "required": True}) for quiz in quizzes]
    if body:
        make_lesson(course, title=f"Leçon {CourseTrainer.objects.count() + 1}", body=body)
    CourseTrainer.objects.get_or_create(course=course, trainer=trainer, defaults={"assigned_by": assigned_by})
    return course


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# --- Reflections (journal) -----------------------------------------------------------------------------


def make_entry(author, title="Ma réflexion", html="<p>Ce que j'ai appris cette semaine.</p>", shared=False, **fields):
    """A saved journal entry (through the service, so the HTML is cleaned as in real use)."""
    from reflections import services
    from reflections.sanitize import clean_html

    entry = services.new_entry(author)
    for name, value in fields.items():
        setattr(entry, name, value)
    entry = services.save(entry, title, clean_html(html))
    if shared:
        services.share(entry)
    return entry


def make_feedback(entry, trainer, text="Merci pour ce texte précis."):
    from reflections import services

    return services.add_feedback(entry, trainer, plain_text=text)


# --- Cases -------------------------------------------------------------------------------------------


def case_choice(key, next_node, quality="recommande", score=10, label=None, feedback=None):
    return {
        "key": key,
        "label": label or f"Choix {key}",
        "feedback": feedback or f"Retour pédagogique du choix {key}.",
        "quality": quality,
        "score": score,
        "next_node": next_node,
    }


def case_decision(key, choices, phase="diagnostic", start=False, title=None):
    return (
        "decision",
        {
            "key": key,
            "title": title or f"Étape {key}",
            "phase": phase,
            "is_start": start,
            "situation": f"<p>Situation de l'étape {key}.</p>",
            "documents": [],
            "choices": choices,
        },
    )


def case_ending(key, title=None, phase="evaluation"):
    return ("ending", {"key": key, "title": title or f"Fin {key}", "phase": phase, "debrief": f"<p>Bilan {key}.</p>"})


FIVE_PHASES = ["diagnostic", "mobilisation", "projet", "action", "evaluation"]


def five_node_graph():
    """Five decision nodes, one per phase; at each a recommended and an "à éviter" choice, then two endings."""
    nodes = []
    for index, phase in enumerate(FIVE_PHASES, start=1):
        nxt = f"d{index + 1}" if index < 5 else None
        nodes.append(
            case_decision(
                f"d{index}",
                [
                    case_choice(f"bon{index}", nxt or "fin-bonne", "recommande", 10, label=f"Bonne idée {index}"),
                    case_choice(f"mauvais{index}", nxt or "fin-mitigee", "a_eviter", 0, label=f"Fausse piste {index}"),
                ],
                phase=phase,
                start=index == 1,
                title=f"Décision {index}",
            )
        )
    nodes += [case_ending("fin-bonne", "Une réussite collective"), case_ending("fin-mitigee", "Un bilan mitigé")]
    return nodes


def case_index():
    from cases.models import CaseIndexPage

    return CaseIndexPage.objects.first()


def make_case(title="Un cas à jouer", nodes=None, live=True, **fields):
    """A case page under "Cas pratiques", published (through the publishing rule) unless live=False."""
    from cases.models import CasePage
    from cases.publishing import publish_case

    fields.setdefault("summary", "Un cas pour les tests.")
    fields.setdefault("territory", "Quartier fictif")
    fields.setdefault("situation", "<p>Une situation de départ.</p>")
    fields.setdefault("objectives", "<ul><li>Décider avec le groupe.</li></ul>")
    fields.setdefault("justification_min_length", 10)
    case = CasePage(title=title, nodes=five_node_graph() if nodes is None else nodes, **fields)
    case.live = False
    case_index().add_child(instance=case)
    if live:
        publish_case(case)
    else:
        case.save_revision()
    case.refresh_from_db()
    return case


# --- Courses: bulk builders for query-count tests, and progress shortcuts --------------------------------


def add_live_child(parent, page):
    """A live page without a revision: fast enough to build hundreds for query-count tests."""
    page.live = True
    parent.add_child(instance=page)
    return page


def make_many_courses(count, catalogue=None, **fields):
    from courses.models import CoursePage

    catalogue = catalogue or make_catalogue()
    fields.setdefault("summary", "Un module de la série.")
    fields.setdefault("objectives", "<ul><li>Agir avec un groupe.</li></ul>")
    return [add_live_child(catalogue, CoursePage(title=f"Module {n:03d}", **fields)) for n in range(count)]


def make_many_lessons(course, count):
    from courses.models import LessonPage

    return [add_live_child(course, LessonPage(title=f"Leçon {n:02d}")) for n in range(count)]


def complete_given_lessons(user, *lessons):
    from progress import api as progress
    from progress.models import Status

    for lesson in lessons:
        progress.record_activity(user, lesson.activity_key, Status.COMPLETED)


# --- Teams -------------------------------------------------------------------------------------------


def make_team(name="Équipe accueil", organisation="CCAS d'Ormelande", manager=None, members=()):
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


# --- H5P -----------------------------------------------------------------------------------------------


def make_h5p_activity(name="question", title="", user=None, data=None):
    """Install a package (raw bytes in `data`, by default a full export of the test kit, see tests/h5p_kit.py)
    as an activity through the real service."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from h5p.models import H5PActivity
    from h5p.store import install_package
    from tests import h5p_kit

    content = data if data is not None else h5p_kit.package()
    upload = SimpleUploadedFile(f"{name}.h5p", content, content_type="application/zip")
    return install_package(H5PActivity(title=title), upload, user=user)


def make_scorm_package(version="1.2", title="", user=None, data=None):
    """Install a SCORM module (raw zip bytes in `data`, by default the test kit's, see tests/scorm_kit.py)
    through the real service."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from scorm.models import ScormPackage
    from scorm.store import install
    from tests import scorm_kit

    content = data if data is not None else scorm_kit.package(version)
    upload = SimpleUploadedFile("module.zip", content, content_type="application/zip")
    return install(ScormPackage(title=title), upload, user=user)


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


def make_quiz_page(quiz, title=None, slug=None, owner=None, **fields):
    from quizzes.models import QuizIndexPage, QuizPage

    index = QuizIndexPage.objects.first()
    if index is None:
        index = publish(home_page(), QuizIndexPage(title="Quiz", slug="quiz"))
    page = QuizPage(title=title or quiz.title, slug=slug or f"quiz-{quiz.pk}", quiz=quiz, owner=owner, **fields)
    return publish(index, page)


# --- Live collective debriefs ----------------------------------------------------------------------------


def make_live_session(case=None, trainer=None, **kwargs):
    """A live session waiting on the start node of a (five-decision) published case."""
    from debrief import live

    case = case or make_case(title="Cas animé en groupe")
    trainer = trainer or make_user(Role.TRAINER, display_name="Formatrice de séance")
    return live.create_session(case, trainer, **kwargs)


def make_guests(session, count, prefix="Invité"):
    from debrief import live

    return [live.join(session, pseudonym=f"{prefix} {index}") for index in range(count)]


# --- Reflections: team journal (analyse de pratiques) ------------------------------------------------


def make_practice_session(team, opened_by=None, title="Ce qui nous a surpris", closed=False, **fields):
    from django.utils import timezone

    from teamjournal import journal as team_journal

    fields.setdefault("date", timezone.localdate())
    fields.setdefault("description_html", "<p>Racontez une première rencontre avec un groupe.</p>")
    session = team_journal.open_session(team, opened_by, title, fields.pop("description_html"), fields.pop("date"))
    if closed:
        team_journal.close(session, opened_by)
    return session


def make_contribution(session, author, html="<p>Une situation vécue.</p>", parent=None, hidden=False):
    from teamjournal.models import Contribution

    contribution = Contribution.objects.create(session=session, author=author, body_html=html, parent=parent)
    if hidden:
        from teamjournal import journal as team_journal

        team_journal.hide(contribution, None)
    return contribution
