"""Data at scale for `make bench` and `make load` (`manage.py bench_seed`), on PostgreSQL or SQLite.

Records (users, memberships, progress, journal entries, case decisions) go in with bulk_create in batches;
pages go through Wagtail (add_child, then one revision published per page) because the page tree, the
live revision that case attempts are pinned to and the lesson activity index all come from publishing.
Everything the seed creates is recognisable (e-mails @bench.collectif.test, slugs starting with "bench-"),
so `--force` can remove it and rebuild without touching the demo content.
"""

import json
import random
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.permissions import Role, role_group

DOMAIN = "bench.collectif.test"
PASSWORD = "mesure-collectif-2025"  # known on purpose: only the bench database uses it
MANAGER_EMAIL = f"bench-responsable@{DOMAIN}"
TRAINER_EMAIL = f"bench-formatrice@{DOMAIN}"
# Production settings require TOTP for every staff page: the bench's manager and trainer have this one.
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ"
LEARNER_EMAIL = f"bench-apprenante@{DOMAIN}"
ORGANISATION = "Réseau de mesure (données de charge)"
BIG_TEAM = "Promotion complète"
SMALL_TEAM = "Groupe de 100"
BARE_SLUG = "bench-page-nue"
COURSE_SLUG = "bench-module-"
CASE_SLUG = "bench-cas-"
QUIZ_SLUG = "bench-quiz"
CATEGORY = "Banque de mesure"
BATCH = 5000


@dataclass(frozen=True)
class Scale:
    """How much to build. The default is the size `make bench` measures; tests use `Scale.tiny()`."""

    learners: int = 1000
    teams: int = 20
    small_team: int = 100
    courses: int = 30
    lessons: int = 8
    cases: int = 20
    questions: int = 300
    questions_per_quiz: int = 10
    journal_entries: int = 50_000
    # The last case is the one whose trainer report is measured: every learner plays it this many times
    # (1,000 learners × 20 attempts × 5 decisions = 100,000 decisions).
    report_case_attempts: int = 20

    @classmethod
    def tiny(cls):
        return cls(
            learners=12,
            teams=3,
            small_team=5,
            courses=2,
            lessons=3,
            cases=2,
            questions=12,
            questions_per_quiz=4,
            journal_entries=40,
            report_case_attempts=3,
        )


# --- French text, written for the platform from the domain notes (no invented figures).

LESSON_TOPICS = [
    "Repérer ce qui revient d'une situation à l'autre",
    "Construire un diagnostic partagé avec les habitants",
    "Aller vers les personnes qui ne viennent pas",
    "Animer une première réunion ouverte",
    "Laisser le groupe formuler son problème",
    "Travailler avec les partenaires du territoire",
    "Clarifier le mandat avec son employeur",
    "Évaluer l'action avec le groupe",
]
COURSE_THEMES = [
    "l'accès à l'énergie",
    "la vie d'un quartier prioritaire",
    "l'accueil des familles monoparentales",
    "l'isolement des personnes âgées",
    "l'insertion des jeunes",
    "l'accès aux droits",
]
JUSTIFICATIONS = [
    "Les personnes concernées doivent pouvoir dire elles-mêmes ce qui pose problème.",
    "Je préfère vérifier avec le groupe avant de m'engager auprès du partenaire.",
    "Cette option répond à l'urgence sans fermer la porte à une démarche collective.",
    "Le mandat de mon service me permet d'agir ainsi, je l'ai vérifié avec ma cheffe de service.",
    "Le groupe a besoin de temps pour se constituer : je ne veux pas parler à sa place.",
]
JOURNAL_TEXTS = [
    "<p>Cette semaine, j'ai remarqué que les mêmes difficultés revenaient dans plusieurs entretiens.</p>",
    "<p>La réunion de locataires m'a appris à me taire davantage et à laisser la parole circuler.</p>",
    "<p>Je me demande comment présenter le projet collectif à ma hiérarchie sans le dénaturer.</p>",
    "<p>Le partenaire associatif connaît le quartier mieux que nous : je dois m'appuyer sur lui.</p>",
]
PHASES = ["diagnostic", "mobilisation", "projet", "action", "evaluation"]
NODE_TITLES = [
    "Des demandes qui se ressemblent",
    "Réunir les personnes concernées",
    "Choisir ensemble une action",
    "Passer à l'action avec les partenaires",
    "Faire le bilan avec le groupe",
]


def _lesson_bodies():
    """The demo lesson bodies (rich text, testimonies, glossary, key points, readings), reused in turn."""
    from courses.demo import COURSES

    return [lesson["body"] for course in COURSES for lesson in course["lessons"]]


def _case_nodes(number):
    """Eight nodes: five decisions (one per phase of the ISIC cycle) and three endings, always valid."""
    nodes = []
    for index, (phase, title) in enumerate(zip(PHASES, NODE_TITLES, strict=True)):
        last = index == len(PHASES) - 1
        following = f"etape-{index + 2}"
        choices = [
            ("associer", "Associer le groupe à la décision", "recommande", 10, "fin-reussie" if last else following),
            (
                "consulter",
                "Consulter quelques personnes puis décider",
                "acceptable",
                5,
                "fin-mitigee" if last else following,
            ),
            ("decider-seul", "Décider seul·e pour gagner du temps", "a_eviter", 0, "fin-repli" if last else following),
        ]
        nodes.append(
            {
                "type": "decision",
                "value": {
                    "key": f"etape-{index + 1}",
                    "title": title,
                    "phase": phase,
                    "is_start": index == 0,
                    "situation": f"<p>Situation n° {number}, étape {index + 1} : {title.lower()}. "
                    "Les personnes attendent de voir ce que vous proposez.</p>",
                    "documents": [],
                    "choices": [
                        {
                            "key": key,
                            "label": label,
                            "feedback": "Ce choix pèse sur la place que le groupe prend dans l'action.",
                            "quality": quality,
                            "score": score,
                            "next_node": next_node,
                        }
                        for key, label, quality, score, next_node in choices
                    ],
                },
            }
        )
    for key, title in [
        ("fin-reussie", "Un collectif qui agit"),
        ("fin-mitigee", "Une action portée à moitié"),
        ("fin-repli", "Un groupe qui se retire"),
    ]:
        nodes.append(
            {
                "type": "ending",
                "value": {
                    "key": key,
                    "title": title,
                    "phase": "evaluation",
                    "debrief": f"<p>{title} : relisez vos choix et la place laissée aux personnes.</p>",
                },
            }
        )
    return nodes


# --- Helpers.


def _bulk(model, objects, batch_size=BATCH):
    model.objects.bulk_create(objects, batch_size=batch_size)
    return len(objects)


def _publish(parent, page):
    parent.add_child(instance=page)
    revision = page.save_revision()
    revision.publish()
    return page


def is_seeded():
    from home.models import StandardPage

    return StandardPage.objects.filter(slug=BARE_SLUG).exists()


def purge():
    """Remove everything the seed created (bench users and their records, bench pages, quizzes, teams)."""
    from cases.models import CasePage
    from courses.models import CoursePage
    from home.models import StandardPage
    from quizzes.models import Question, QuestionCategory, Quiz, QuizPage
    from teams.models import Organisation

    User.objects.filter(email__endswith="@" + DOMAIN).delete()
    Organisation.objects.filter(name=ORGANISATION).delete()
    for model, prefix in [(CoursePage, COURSE_SLUG), (CasePage, CASE_SLUG), (QuizPage, QUIZ_SLUG)]:
        for page in model.objects.filter(slug__startswith=prefix):
            page.delete()
    StandardPage.objects.filter(slug=BARE_SLUG).delete()
    Quiz.objects.filter(title__startswith="Mesure").delete()
    Question.objects.filter(category__name=CATEGORY).delete()
    QuestionCategory.objects.filter(name=CATEGORY).delete()


# --- Builders, each returning what the next ones need.


def build_users(scale):
    """The learners (the first one is the bench learner), a manager and a trainer, all with PASSWORD."""
    password = make_password(PASSWORD)
    learners = [
        User(
            email=LEARNER_EMAIL if i == 0 else f"apprenant-{i:04d}@{DOMAIN}",
            first_name=["Awa", "Louis", "Nadia", "Hugo", "Inès", "Karim"][i % 6],
            last_name=f"Mesure {i:04d}",
            password=password,
        )
        for i in range(scale.learners)
    ]
    _bulk(User, learners)
    learners = list(User.objects.filter(email__endswith="@" + DOMAIN).order_by("last_name"))
    manager = User.objects.create(email=MANAGER_EMAIL, first_name="Hélène", last_name="Responsable", password=password)
    trainer = User.objects.create(email=TRAINER_EMAIL, first_name="Marc", last_name="Formateur", password=password)
    groups = {role: role_group(role) for role in Role}
    through = User.groups.through
    links = [through(user_id=u.pk, group_id=groups[Role.LEARNER].pk) for u in learners]
    links += [
        through(user_id=manager.pk, group_id=groups[Role.MANAGER].pk),
        through(user_id=trainer.pk, group_id=groups[Role.TRAINER].pk),
    ]
    _bulk(through, links)
    from allauth.account.models import EmailAddress

    _bulk(
        EmailAddress,
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in [*learners, manager, trainer]],
    )
    return learners, manager, trainer


def build_quizzes(scale):
    """The question bank (single-choice questions, four options each) and one quiz per course."""
    from quizzes.demo import _index
    from quizzes.models import Choice, Question, QuestionCategory, QuestionType, Quiz, QuizItem, QuizPage

    category = QuestionCategory.objects.create(name=CATEGORY, description="Questions générées pour les mesures.")
    questions = [
        Question(
            category=category,
            qtype=QuestionType.SINGLE,
            name=f"Mesure {i + 1:03d}",
            text=f"Question {i + 1} : quelle attitude favorise le pouvoir d'agir du groupe ?",
            explanation="Le groupe formule lui-même le problème qui le réunit.",
        )
        for i in range(scale.questions)
    ]
    _bulk(Question, questions)
    questions = list(Question.objects.filter(category=category).order_by("pk"))
    options = [
        ("Laisser le groupe formuler le problème", True),
        ("Proposer une solution toute prête", False),
        ("Attendre que la demande vienne seule", False),
        ("Décider à la place des personnes", False),
    ]
    _bulk(
        Choice,
        [
            Choice(question=q, sort_order=order, text=text, is_correct=correct)
            for q in questions
            for order, (text, correct) in enumerate(options)
        ],
    )
    quizzes = []
    for number in range(scale.courses):
        quizzes.append(Quiz(title=f"Mesure — quiz du module {number + 1:02d}", pass_mark=50, max_attempts=0))
    _bulk(Quiz, quizzes)
    quizzes = list(Quiz.objects.filter(title__startswith="Mesure").order_by("title"))
    items = []
    for number, quiz in enumerate(quizzes):
        for order in range(scale.questions_per_quiz):
            question = questions[(number * scale.questions_per_quiz + order) % len(questions)]
            items.append(QuizItem(quiz=quiz, question=question, sort_order=order))
    _bulk(QuizItem, items)
    _publish(
        _index(),
        QuizPage(title="Quiz de mesure", slug=QUIZ_SLUG, intro="Un quiz pour les mesures de charge.", quiz=quizzes[0]),
    )
    return quizzes


def build_cases(scale):
    from cases.models import CaseIndexPage, CasePage
    from core.models import CompetenceDomain

    index = CaseIndexPage.objects.first()
    domains = list(CompetenceDomain.objects.order_by("code"))
    cases = []
    for number in range(1, scale.cases + 1):
        case = CasePage(
            title=f"Cas de mesure n° {number:02d}",
            slug=f"{CASE_SLUG}{number:02d}",
            summary="Une situation de quartier où un problème individuel se révèle collectif.",
            territory="Un quartier d'habitat social d'une ville moyenne (fictif)",
            situation="<p>Plusieurs ménages viennent vous voir pour la même difficulté.</p>",
            objectives="<ul><li>Articuler aide individuelle et démarche collective.</li></ul>",
            justification_required=True,
            justification_min_length=10,
            nodes=json.dumps(_case_nodes(number)),
        )
        case.domains = domains[number % len(domains) : number % len(domains) + 1]
        cases.append(_publish(index, case))
    return cases


def build_courses(scale, quizzes, cases):
    from core.models import CompetenceDomain
    from courses.demo import ensure_catalogue
    from courses.models import CoursePage, LessonPage

    catalogue = ensure_catalogue()
    bodies = _lesson_bodies()
    domains = list(CompetenceDomain.objects.order_by("code"))
    courses = []
    for number in range(1, scale.courses + 1):
        theme = COURSE_THEMES[number % len(COURSE_THEMES)]
        course = CoursePage(
            title=f"Module de mesure {number:02d} : agir collectivement sur {theme}",
            slug=f"{COURSE_SLUG}{number:02d}",
            summary=f"Un parcours pour engager une démarche collective autour de {theme}.",
            objectives="<ul><li>Repérer un problème commun.</li><li>Mobiliser les personnes concernées.</li></ul>",
            audience="Travailleur·ses sociaux·ales de secteur",
            level=CoursePage.Level.choices[number % 3][0],
            duration_minutes=120,
        )
        course.domains = domains[number % len(domains) : number % len(domains) + 1]
        _publish(catalogue, course)
        for position in range(scale.lessons):
            body = list(bodies[(number + position) % len(bodies)])
            if position == 3 and cases:
                case = cases[number % len(cases)]
                body.append(
                    {"type": "case", "value": {"case": case.pk, "introduction": "Jouez ce cas.", "required": False}}
                )
            if position == 5:
                body.append(
                    {
                        "type": "reflection",
                        "value": {
                            "prompt": "Qu'est-ce que cette leçon change dans votre manière de préparer une réunion ?",
                            "guiding_questions": ["Qui n'a pas encore la parole ?"],
                            "expected_length": "short",
                            "required": False,
                            "prompt_id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench-{number}-{position}")),
                        },
                    }
                )
            if position == scale.lessons - 1:
                body.append({"type": "quiz", "value": {"quiz": quizzes[number - 1].pk, "required": True}})
            _publish(
                course,
                LessonPage(
                    title=f"{LESSON_TOPICS[position % len(LESSON_TOPICS)]} ({number:02d}.{position + 1})",
                    slug=f"lecon-{position + 1}",
                    summary="Une leçon du parcours de mesure.",
                    body=json.dumps(body),
                ),
            )
        courses.append(course)
    return courses


def build_teams(scale, learners, manager, trainer, courses):
    """A team with every learner, one with the first `small_team`, the others share the learners out."""
    from teams.models import AssignedLearner, Assignment, Membership, Organisation, Team

    organisation = Organisation.objects.create(name=ORGANISATION, city="Ormelande")
    names = [BIG_TEAM, SMALL_TEAM] + [f"Équipe de mesure {n:02d}" for n in range(1, scale.teams - 1)]
    teams = [Team(organisation=organisation, name=name) for name in names[: scale.teams]]
    _bulk(Team, teams)
    teams = list(Team.objects.filter(organisation=organisation).order_by("pk"))
    big, small, others = teams[0], teams[1], teams[2:]
    members = {big.pk: learners, small.pk: learners[: scale.small_team]}
    for index, team in enumerate(others):
        members[team.pk] = learners[index :: len(others)]
    memberships = [Membership(team_id=team_id, user=u) for team_id, users in members.items() for u in users]
    memberships += [Membership(team=t, user=manager, role=Membership.Role.MANAGER) for t in (big, small)]
    _bulk(Membership, memberships)
    Team.trainers.through.objects.bulk_create([Team.trainers.through(team_id=t.pk, user_id=trainer.pk) for t in teams])
    today = timezone.localdate()
    assignments = []
    for team in teams:
        assigned = courses if team in (big, small) else courses[:3]
        for index, course in enumerate(assigned):
            due = today + timedelta(days=(index % 10) * 7 - 21)  # some due dates already past
            assignments.append(Assignment(team=team, course=course, due_date=due, created_by=manager))
    _bulk(Assignment, assignments)
    assigned = [
        AssignedLearner(assignment=a, user=u)
        for a in Assignment.objects.filter(team__organisation=organisation)
        for u in members[a.team_id]
    ]
    _bulk(AssignedLearner, assigned)
    return teams


def build_progress(scale, learners, courses, quizzes, rng):
    """Enrolments, lesson/quiz/course results and their events: the bulk of the activity records."""
    from courses.models import LessonPage
    from progress.models import ActivityResult, Enrolment, ProgressEvent, Status

    now = timezone.now()
    lessons = {
        c.pk: list(LessonPage.objects.child_of(c).order_by("path").values_list("pk", flat=True)) for c in courses
    }
    enrolments, results, events = [], [], []
    for user in learners:
        for course, quiz in zip(courses, quizzes, strict=False):
            keys = [f"lesson:{pk}" for pk in lessons[course.pk]]
            done = rng.choice([0, 2, 4, 6, len(keys), len(keys)]) if user.email != LEARNER_EMAIL else 3
            done = min(done, len(keys))
            last = now - timedelta(days=rng.randint(0, 80), minutes=rng.randint(0, 600))
            finished = done == len(keys)
            enrolments.append(
                Enrolment(
                    user=user,
                    course=course,
                    source=Enrolment.Source.ASSIGNMENT,
                    last_activity_at=last if done else None,
                    completed_at=last if finished else None,
                )
            )
            completed = keys[:done]
            if finished:
                completed += [f"quiz:{quiz.pk}", f"course:{course.pk}"]
            for key in completed:
                score = round(rng.uniform(0.5, 1.0), 2) if key.startswith("quiz:") else None
                results.append(
                    ActivityResult(
                        user=user,
                        activity_key=key,
                        status=Status.COMPLETED,
                        score=score,
                        attempts=1,
                        duration_seconds=rng.randint(120, 1200),
                        completed_at=last,
                    )
                )
                events.append(ProgressEvent(user=user, activity_key=key, status=Status.COMPLETED, score=score))
    counts = {"inscriptions": _bulk(Enrolment, enrolments)}
    counts["résultats d'activité"] = _bulk(ActivityResult, results)
    counts["événements de progression"] = _bulk(ProgressEvent, events)
    return counts


def build_case_records(scale, learners, cases, rng):
    """Finished attempts (five decisions each, one per phase) and their results: one per learner and case, and
    `report_case_attempts` per learner on the last case, whose report the bench measures."""
    from cases.models import CaseAttempt, CaseDecision
    from progress.models import ActivityResult, ProgressEvent, Status

    now = timezone.now()
    choices = [("associer", "recommande", 10), ("consulter", "acceptable", 5), ("decider-seul", "a_eviter", 0)]
    endings = {"associer": "fin-reussie", "consulter": "fin-mitigee", "decider-seul": "fin-repli"}
    attempts, paths, results, events = [], [], [], []
    plays = [(case, 1) for case in cases[:-1]] + [(cases[-1], n) for n in range(1, scale.report_case_attempts + 1)]
    for user in learners:
        for case, number in plays:
            path = [rng.choice(choices) for _phase in PHASES]
            ratio = sum(score for _key, _quality, score in path) / (10 * len(PHASES))
            attempts.append(
                CaseAttempt(
                    user=user,
                    case=case,
                    revision_id=case.live_revision_id,
                    number=number,
                    status=CaseAttempt.Status.COMPLETED,
                    ending_key=endings[path[-1][0]],
                    score=ratio,
                    completed_at=now - timedelta(days=rng.randint(0, 60)),
                )
            )
            paths.append(path)
            if number > 1:  # one result per learner and activity, counting the attempts
                continue
            key = f"case:{case.pk}"
            tries = scale.report_case_attempts if case is cases[-1] else 1
            results.append(
                ActivityResult(
                    user=user, activity_key=key, status=Status.COMPLETED, score=ratio, attempts=tries, completed_at=now
                )
            )
            events.append(ProgressEvent(user=user, activity_key=key, status=Status.COMPLETED, score=ratio))
    counts = {"tentatives de cas": _bulk(CaseAttempt, attempts)}  # primary keys come back (RETURNING)
    decisions = [
        CaseDecision(
            attempt_id=attempt.pk,
            step=step,
            node_key=f"etape-{step + 1}",
            choice_key=key,
            phase=PHASES[step],
            node_title=NODE_TITLES[step],
            choice_label=key,
            quality=quality,
            score=score,
            max_score=10,
            justification=rng.choice(JUSTIFICATIONS),
            time_spent_seconds=rng.randint(20, 400),
        )
        for attempt, path in zip(attempts, paths, strict=True)
        for step, (key, quality, score) in enumerate(path)
    ]
    counts["décisions de cas"] = _bulk(CaseDecision, decisions)
    counts["résultats d'activité"] = _bulk(ActivityResult, results)
    counts["événements de progression"] = _bulk(ProgressEvent, events)
    return counts


def build_journal(scale, learners, courses, rng):
    from reflections.models import JournalEntry

    now = timezone.now()
    entries = []
    for n in range(scale.journal_entries):
        author = learners[n % len(learners)]
        shared = n % 10 == 0
        moment = now - timedelta(days=rng.randint(0, 120), minutes=rng.randint(0, 1000))
        entries.append(
            JournalEntry(
                author=author,
                title=f"Réflexion n° {n // len(learners) + 1}",
                body_html=rng.choice(JOURNAL_TEXTS),
                draft_revision=1,
                saved_revision=1,
                saved_at=moment,
                course=courses[n % len(courses)] if shared else None,
                shared_at=moment if shared else None,
            )
        )
    return {"entrées du journal": _bulk(JournalEntry, entries, batch_size=2000)}


def build_bare_page():
    """The baseline of every ratio: a minimal page with a title and one paragraph."""
    from home.models import HomePage, StandardPage

    home = HomePage.objects.first()
    return _publish(
        home,
        StandardPage(
            title="Page de référence des mesures",
            slug=BARE_SLUG,
            body="<p>Une page minimale : un titre et un paragraphe, mesurée comme point de comparaison.</p>",
        ),
    )


def seed(scale=None, force=False, log=print, seed_value=12):
    """Build the bench data; skip if it is already there (unless force). Returns {what: count}."""
    scale = scale or Scale()
    if is_seeded() and not force:
        log("Données de mesure déjà présentes : rien à faire (--force pour reconstruire).")
        return {}
    rng = random.Random(seed_value)
    counts = {}
    started = time.monotonic()

    def step(label):
        log(f"  {label} ({time.monotonic() - started:.0f} s)")

    purge()  # a forced rebuild, or the leftovers of an interrupted run
    step("anciennes données de mesure supprimées")
    with transaction.atomic():
        learners, manager, trainer = build_users(scale)
        counts["apprenant·es"] = len(learners)
        step("comptes créés")
    page_started = time.monotonic()
    quizzes = build_quizzes(scale)
    cases = build_cases(scale)
    courses = build_courses(scale, quizzes, cases)
    counts["pages publiées (modules, leçons, cas)"] = len(courses) * (scale.lessons + 1) + len(cases)
    counts["durée de création des pages (s)"] = round(time.monotonic() - page_started, 1)
    step("pages publiées")
    with transaction.atomic():
        teams = build_teams(scale, learners, manager, trainer, courses)
        counts["équipes"] = len(teams)
        step("équipes et affectations")
        for key, value in build_progress(scale, learners, courses, quizzes, rng).items():
            counts[key] = counts.get(key, 0) + value
        step("progression")
        for key, value in build_case_records(scale, learners, cases, rng).items():
            counts[key] = counts.get(key, 0) + value
        step("décisions de cas")
        counts.update(build_journal(scale, learners, courses, rng))
        step("journal")
        counts["questions"] = scale.questions
    build_bare_page()
    refresh_statistics()
    step("statistiques du planificateur")
    counts["durée totale (s)"] = round(time.monotonic() - started, 1)
    return counts


def refresh_statistics():
    """Bulk inserts leave the query planner with empty statistics until autovacuum passes by: measured right
    after seeding, the pages would run plans made for empty tables. Production tables are analysed as they grow."""
    from django.db import connection

    # VACUUM (which also fills PostgreSQL's visibility map) cannot run inside a transaction, as in tests.
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")


def ensure_staff_totp():
    """The bench's manager and trainer get TOTP (also on a database seeded before staff needed it)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    for user in User.objects.filter(email__in=[MANAGER_EMAIL, TRAINER_EMAIL]):
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, STAFF_TOTP_SECRET)


def ensure_course_trainer():
    """The bench trainer is course trainer of every bench course (an explicit link, as a lead trainer would set
    it): the case report she opens is the whole-group one (also on a database seeded before such links existed)."""
    from courses.models import CoursePage, CourseTrainer

    trainer = User.objects.get(email=TRAINER_EMAIL)
    for course in CoursePage.objects.filter(slug__startswith=COURSE_SLUG):
        CourseTrainer.objects.get_or_create(course=course, trainer=trainer)


def targets():
    """What the bench and the load test open: page addresses, ids and accounts (JSON-friendly)."""
    from cases.models import CasePage
    from courses.models import CourseIndexPage, CoursePage, LessonPage
    from home.models import HomePage, StandardPage
    from quizzes.models import Quiz
    from teams.models import Team

    course = CoursePage.objects.get(slug=f"{COURSE_SLUG}01")
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    cases = list(CasePage.objects.filter(slug__startswith=CASE_SLUG).live().order_by("slug"))
    quizzes = list(Quiz.objects.filter(title__startswith="Mesure").order_by("title"))
    courses = list(CoursePage.objects.filter(slug__startswith=COURSE_SLUG).live().order_by("slug"))
    lesson_urls = [
        lesson.url for lesson in LessonPage.objects.live().filter(path__startswith=course.path[:-4]).order_by("path")
    ]
    teams = {team.name: team.pk for team in Team.objects.filter(organisation__name=ORGANISATION)}
    return {
        "password": PASSWORD,
        "staff_totp_secret": STAFF_TOTP_SECRET,
        "learner": LEARNER_EMAIL,
        "manager": MANAGER_EMAIL,
        "trainer": TRAINER_EMAIL,
        "learners": list(
            User.objects.filter(email__startswith="apprenant-", email__endswith="@" + DOMAIN)
            .order_by("email")
            .values_list("email", flat=True)
        ),
        "bare": StandardPage.objects.get(slug=BARE_SLUG).url,
        "home": HomePage.objects.first().url,
        "catalogue": CourseIndexPage.objects.order_by("path").first().url,
        "course": course.url,
        "lesson": lessons[1].url,
        "lesson_urls": [url for url in lesson_urls if "/bench-module-" in url],
        "course_ids": [c.pk for c in courses],
        "case_ids": [c.pk for c in cases],
        "quiz_ids": [q.pk for q in quizzes],
        "big_team": teams[BIG_TEAM],
        "small_team": teams[SMALL_TEAM],
    }
