"""Accounts and content the scale check needs, created by `manage.py scale_check_fixtures`.

Everything is built through the apps' own services (progress.api, teams.assigning, Wagtail's page API) so the
check exercises the same paths as real use. The H5P lesson is built in a second step (`--h5p-lesson`), once
the trainer has uploaded the package through the admin of a web instance.
"""

from datetime import timedelta

LEARNER = "apprenant-echelle@collectif.test"
TRAINER = "formatrice-echelle@collectif.test"
PASSWORD = "verifier-a-l-echelle-2026"
# The trainer's TOTP secret (base32): production settings require TOTP before the Wagtail admin opens.
TRAINER_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
REMINDED_COUNT = 500
REMINDED_EMAIL = "relance-{:03d}@collectif.test"
QUIZ_TITLE = "Repères de l'intervention sociale collective (vérification)"
# (statement, right answer): the quiz of scenario (b) is scored on the server from these.
QUIZ_QUESTIONS = [
    ("L'intervention sociale collective s'adresse à un groupe plutôt qu'à une personne seule.", True),
    ("Un diagnostic partagé se mène sans les habitant·es concerné·es.", False),
    ("Un collectif peut porter lui-même une action auprès des institutions.", True),
    ("Le travail avec un groupe dispense de toute évaluation de l'action.", False),
]
H5P_TITLE = "Vrai ou faux (vérification à l'échelle)"
H5P_COURSE_SLUG = "verification-h5p"


def _user(email, role, password=PASSWORD):
    from allauth.account.models import EmailAddress

    from accounts.models import User
    from accounts.permissions import assign_role

    user, created = User.objects.get_or_create(email=email, defaults={"display_name": email.split("@")[0]})
    if created:
        user.set_password(password)
        user.save()
    assign_role(user, role)
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _catalogue():
    from courses.models import CourseIndexPage
    from home.models import HomePage

    return CourseIndexPage.objects.first() or _publish(
        HomePage.objects.first(), CourseIndexPage(title="Formations", slug="formations")
    )


def _course(slug, title, lessons):
    """A live course with live lessons [(title, body)], found again by slug on a second run."""
    from courses.models import CoursePage, LessonPage

    course = CoursePage.objects.filter(slug=slug).first()
    if course is None:
        course = CoursePage(title=title, slug=slug, summary="Module utilisé par la vérification à l'échelle.")
        course.objectives = "<ul><li>Vérifier le fonctionnement sur plusieurs instances.</li></ul>"
        course = _publish(_catalogue(), course)
        for lesson_title, body in lessons:
            _publish(course, LessonPage(title=lesson_title, body=body))
    return course


def _trainer():
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    from accounts.permissions import Role

    trainer = _user(TRAINER, Role.TRAINER)
    if not Authenticator.objects.filter(user=trainer, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(trainer, TRAINER_TOTP_SECRET)
    return trainer


def _quiz():
    from home.models import HomePage
    from quizzes.models import Question, QuestionCategory, Quiz, QuizIndexPage, QuizItem, QuizPage

    quiz = Quiz.objects.filter(title=QUIZ_TITLE).first()
    if quiz is not None:
        return quiz
    category, _created = QuestionCategory.objects.get_or_create(name="Vérification à l'échelle")
    quiz = Quiz.objects.create(title=QUIZ_TITLE, pass_mark=50, max_attempts=0, shuffle_questions=True)
    for order, (text, answer) in enumerate(QUIZ_QUESTIONS):
        question = Question.objects.create(
            category=category, qtype="true_false", name=f"Vérification {order + 1}", text=text, true_false_answer=answer
        )
        QuizItem.objects.create(quiz=quiz, question=question, sort_order=order)
    index = QuizIndexPage.objects.first() or _publish(
        HomePage.objects.first(), QuizIndexPage(title="Quiz", slug="quiz")
    )
    _publish(index, QuizPage(title=QUIZ_TITLE, slug="verification-echelle", quiz=quiz))
    return quiz


def _reminded_learners(count):
    """`count` learners in one team with a course due in three days: each is owed one reminder."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from accounts.models import User
    from teams.assigning import assign_courses
    from teams.models import Assignment, Organisation, Team

    organisation, _created = Organisation.objects.get_or_create(name="Fédération régionale (vérification)")
    team, _created = Team.objects.get_or_create(organisation=organisation, name="Relances à l'échelle")
    course = _course(
        "verification-relances",
        "Module des relances (vérification)",
        [("Première leçon", [("rich_text", "<p>Une leçon à terminer avant l'échéance.</p>")])],
    )
    if Assignment.objects.filter(team=team, course=course).exists():
        return
    unusable = make_password(None)  # these accounts never log in; hashing 500 passwords would take minutes
    User.objects.bulk_create(
        [
            User(email=REMINDED_EMAIL.format(n), display_name=f"Relance {n:03d}", password=unusable)
            for n in range(count)
        ],
        ignore_conflicts=True,
    )
    learners = list(User.objects.filter(email__startswith="relance-").order_by("email"))
    # Enrolments reference no page content: skip the 500 reference-index tasks they would queue for the workers.
    with disable_reference_index_auto_update():
        assign_courses(
            team, [course], timezone.localdate() + timedelta(days=3), learners=learners, remind_days_before=7
        )


def create(reminded=REMINDED_COUNT):
    from accounts.permissions import Role

    _user(LEARNER, Role.LEARNER)
    _trainer()
    _quiz()
    _reminded_learners(reminded)


def create_h5p_lesson():
    """A course whose lesson plays the activity the trainer uploaded; the learner is enrolled in it."""
    from accounts.models import User
    from h5p.models import H5PActivity
    from progress import api as progress

    activity = H5PActivity.objects.get(title=H5P_TITLE)
    course = _course(
        H5P_COURSE_SLUG,
        "Module interactif (vérification)",
        [("Leçon interactive", [("h5p", {"activity": activity, "required": True})])],
    )
    progress.enrol(User.objects.get(email=LEARNER), course)
    return course
