"""Role × URL matrix: every URL the URLconf can produce for a small two-organisation world, requested by every role,
compared with the expected table in tests/access_matrix_expected.py.

The world is built once for the module inside a transaction rolled back at the end (as in test_demo_curriculum):
two organisations, each with a manager, a team trainer, two teams and learners with journals, case and quiz
attempts, team-journal sessions, certificates, H5P statements and a live session; plus a lead trainer, an
administrator and an anonymous visitor. Routes come from walking the URLconf, so a new route without an
expectation (or without objects to fill its URL) fails the test with its name.
"""

import logging
import tempfile
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.test import Client, TestCase, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.permissions import Role
from tests.access_matrix_expected import ANY, EXPECTED, LOGIN, REDIRECT, ROLES
from tests.factories import (
    complete_lessons,
    make_all_types,
    make_case,
    make_contribution,
    make_course,
    make_entry,
    make_feedback,
    make_lesson,
    make_live_session,
    make_practice_session,
    make_quiz,
    make_quiz_page,
    make_team,
    make_user,
)

pytestmark = pytest.mark.django_db

# --- Which routes the matrix covers ---------------------------------------------------------------------------

# Left out by URL prefix, each for a reason: these views belong to Wagtail or allauth, which test them (Django's own
# admin is not installed).
EXCLUDED_PREFIXES = {
    "admin/": "Wagtail admin internals (pages, images, snippets, users...); the project's own viewsets are below",
    "comptes/": "allauth: login, sign-up, e-mail, password and MFA screens",
    "documents/": "Wagtail documents: collection privacy is Wagtail's",
    "_util/": "Wagtail's page-privacy password and login forms",
    "static/": "static files (served by WhiteNoise)",
    "media/": "uploaded files (served only with DEBUG)",
}
# Project views registered in the Wagtail admin (teams/wagtail_hooks.py) that show learners' data: included. Left
# out: organisations, teams and assignments (structure, no learner's record), background task results (no row
# exists under the immediate test backend), and the quiz bank and H5P snippets (content, Wagtail's snippet views).
# Module reviews (courses/admin_views.py) publish pages: who may submit and decide is part of the matrix too.
# LTI platforms (lti/wagtail_hooks.py) are in too: a registered platform can log people in.
ADMIN_NAMESPACES = ("teams_certificats", "teams_rappels", "courses_module_reviews", "lti_plateformes")


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", as reverse() takes it
    path: str  # the assembled pattern, for messages
    kwargs: tuple  # URL keyword names, sorted

    @property
    def namespace(self):
        return self.name.rpartition(":")[0]


def walk(resolver=None, prefix="", namespaces=()):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        path = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespaces + ((entry.namespace,) if entry.namespace else ())
            yield from walk(entry, path, inner)
        elif isinstance(entry, URLPattern):
            name = ":".join(namespaces + (entry.name,)) if entry.name else None
            yield name, path, tuple(sorted(entry.pattern.converters)) if hasattr(entry.pattern, "converters") else ()


def is_covered(name, path):
    if path.startswith("admin/"):
        return bool(name) and name.partition(":")[0] in ADMIN_NAMESPACES
    return not any(path.startswith(prefix) for prefix in EXCLUDED_PREFIXES)


def covered_routes():
    """(routes, unnamed paths): every route the matrix must cover; unnamed ones cannot be reversed, so they fail."""
    routes, unnamed = {}, []
    for name, path, kwargs in walk():
        if not is_covered(name, path):
            continue
        if name is None:
            unnamed.append(path)
        else:
            routes.setdefault(name, Route(name, path, kwargs))
    return routes, unnamed


# --- Which objects fill a route's URL ------------------------------------------------------------------------

# By the route's namespace and URL keyword names, where these say unambiguously which objects are meant.
KWARG_SOURCES = {
    ("cases", ("page_id",)): "cases",
    ("cases", ("attempt_id",)): "case_attempts",
    ("courses", ("course_id",)): "courses",
    ("courses", ("lesson_id",)): "lessons",
    ("courses", ("enrolment_id",)): "enrolments",
    ("teams", ("team_id",)): "teams",
    ("teams", ("fmt", "team_id")): "team_tables",
    ("teams", ("assignment_id", "team_id")): "assignments",
    ("teams", ("team_id", "user_id")): "members",
    ("teams", ("membership_id", "team_id")): "memberships",
    ("teams", ("fmt", "team_id", "user_id")): "member_tables",
    ("teams", ("course_id", "fmt", "team_id", "user_id")): "member_evidence",
    ("teams", ("token",)): "invitations",
    ("teams", ("code",)): "certificate_codes",
    ("teams", ("course_id",)): "courses",
    ("teams", ("course_id", "fmt")): "own_evidence",
    ("quizzes", ("quiz_id",)): "quizzes",
    ("quizzes", ("attempt_id",)): "quiz_attempts",
    ("debrief", ("code",)): "live_sessions",
    ("debrief", ("page_id",)): "cases",
    ("h5p", ("pk",)): "h5p_activities",
    ("h5p", ("token",)): "h5p_player_tokens",
    ("h5p", ("path", "token")): "h5p_content_files",
    ("h5p", ("folder", "path", "token")): "h5p_library_files",
    ("scorm", ("pk",)): "scorm_packages",
    ("scorm", ("path", "token")): "scorm_player_files",
    ("reflections", ("team_id",)): "teams",
    ("teams_certificats", ("pk",)): "certificates",
    ("teams_rappels", ("pk",)): "reminders",
    ("courses_module_reviews", ("course_id",)): "courses",
    ("courses_module_reviews", ("review_id",)): "module_reviews",
    ("lti_plateformes", ("pk",)): "lti_platforms",
    ("lti", ("team_id",)): "teams",
}
# By route name, where one app uses the same keyword for different objects (reflections' pk).
ENTRY_ROUTES = ("detail", "edit", "autosave", "feedback", "share", "unshare", "delete")
SESSION_ROUTES = ("team_session", "team_contribute", "team_session_close", "team_export_pdf", "team_export_markdown")
ROUTE_SOURCES = {
    **{f"reflections:{name}": "entries" for name in ENTRY_ROUTES},
    **{f"reflections:{name}": "practice_sessions" for name in SESSION_ROUTES},
    "reflections:team_hide": "contributions",
    "reflections:team_unhide": "contributions",
    "wagtail_serve": "pages",  # Wagtail's page serving: a few published pages, by their page.url
    "account_welcome": "welcome_tokens",
}


def source_of(route):
    if route.name in ROUTE_SOURCES:
        return ROUTE_SOURCES[route.name]
    if not route.kwargs:
        return None
    return KWARG_SOURCES.get((route.namespace, route.kwargs), "")


# Written only in learner A's private journal entry: no response to anyone else may contain it.
PRIVATE_MARKER = "Carnet-intime-de-A-4817"
TEXT_TYPES = ("text/", "application/json")
# Team members whose evidence URLs exist: the course is assigned to teams a1 and b1.
ASSIGNED_MEMBERS = ("a1_learner_a", "a1_learner_b", "b1_learner_c")

# --- The world -----------------------------------------------------------------------------------------------


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role name → user (anonymous: None)
    sources: dict = field(default_factory=dict)  # source name → [(label, kwargs)]
    pages: list = field(default_factory=list)  # [(label, url)]


def build_people(world):
    people = {
        "learner_a": make_user(display_name="Apprenante A", first_name="Anne", last_name="Aubert"),
        "learner_b": make_user(display_name="Apprenant B", first_name="Bruno", last_name="Blanc"),
        "learner_a2": make_user(display_name="Apprenante A2 (équipe 2)"),
        "learner_c": make_user(display_name="Apprenante C (organisation B)"),
        "learner_d": make_user(display_name="Apprenant D (organisation B, équipe 2)"),
        "trainer_a": make_user(Role.TRAINER, display_name="Formatrice A"),
        "trainer_b": make_user(Role.TRAINER, display_name="Formateur B"),
        "manager_a": make_user(Role.MANAGER, display_name="Responsable A"),
        "manager_b": make_user(Role.MANAGER, display_name="Responsable B"),
        "lead": make_user(Role.LEAD_TRAINER, display_name="Référente"),
        "admin": make_user(Role.ADMIN, display_name="Admin", is_staff=True, is_superuser=True),
    }
    org_a, org_b = "CCAS d'Ormelande", "Centre social des Tilleuls"
    teams = {
        "a1": make_team("Accueil", org_a, people["manager_a"], [people["learner_a"], people["learner_b"]]),
        "a2": make_team("Insertion", org_a, people["manager_a"], [people["learner_a2"]]),
        "b1": make_team("Jeunesse", org_b, people["manager_b"], [people["learner_c"]]),
        "b2": make_team("Familles", org_b, people["manager_b"], [people["learner_d"]]),
    }
    teams["a1"].trainers.add(people["trainer_a"])
    teams["b1"].trainers.add(people["trainer_b"])
    world.users = {"anonymous": None, **{role: people[role] for role in ROLES if role != "anonymous"}}
    world.sources["teams"] = [(label, {"team_id": team.pk}) for label, team in teams.items()]
    return people, teams


def build_h5p():
    """An H5P activity row and a library row with one file each in storage: the URLs need only their pk and
    paths, so no package is uploaded (no dependency on the fixtures packages)."""
    from h5p.models import H5PActivity, H5PLibrary

    library = H5PLibrary.objects.create(
        machine_name="H5P.Matrice",
        major_version=1,
        minor_version=0,
        patch_version=0,
        runnable=True,
        storage_path="h5p/libraries/H5P.Matrice-1.0",
    )
    default_storage.save(f"{library.storage_path}/library.json", ContentFile(b'{"machineName": "H5P.Matrice"}'))
    activities = {}
    for label in ("in_lesson", "unused"):
        activity = H5PActivity.objects.create(
            title=f"Activité {label}",
            package="h5p/packages/matrice.h5p",
            content_path=f"h5p/content/{label}",
            content_title=label,
            main_library="H5P.Matrice",
            main_library_version="1.0",
            h5p_json={"mainLibrary": "H5P.Matrice"},
        )
        activity.libraries.add(library)
        default_storage.save(f"{activity.content_path}/h5p.json", ContentFile(b'{"mainLibrary": "H5P.Matrice"}'))
        activities[label] = activity
    return activities


def build_scorm():
    """Two SCORM modules (one embedded in the lesson, one unused), each with its launch page in storage."""
    from scorm.models import ScormPackage

    packages = {}
    for label in ("in_lesson", "unused"):
        package = ScormPackage.objects.create(
            title=f"Module {label}",
            package="scorm/packages/matrice.zip",
            version="1.2",
            manifest_title=label,
            launch_path="index.html",
            storage_path=f"scorm/content/{label}",
        )
        default_storage.save(f"{package.storage_path}/index.html", ContentFile(b"<p>Module</p>"))
        packages[label] = package
    return packages


def build_content(people):
    """A course (owned by trainer B: authorship widens their scope on what it embeds, issue 21 item 4) whose first
    lesson embeds an H5P activity, a case and a quiz; a second case played only in organisation B."""
    content = {"activities": build_h5p(), "scorm": build_scorm(), "shared_case": make_case(title="Cas partagé")}
    content["org_b_case"] = make_case(title="Cas joué en organisation B")
    content["quiz"] = make_quiz(list(make_all_types().values()), title="Quiz de la matrice", pass_mark=50)
    content["quiz_page"] = make_quiz_page(content["quiz"])
    course = make_course(title="Module de la matrice", owner=people["trainer_b"])
    content["course"] = course
    content["lesson"] = make_lesson(
        course,
        title="Leçon avec activités",
        body=[
            ("rich_text", "<p>Introduction.</p>"),
            ("h5p", {"activity": content["activities"]["in_lesson"], "required": False}),
            ("scorm", {"package": content["scorm"]["in_lesson"], "required": False}),
            ("case", {"case": content["shared_case"], "introduction": "", "required": False}),
            ("quiz", {"quiz": content["quiz"], "required": False}),
        ],
    )
    content["second_lesson"] = make_lesson(course, title="Deuxième leçon")
    return content


def build_progress(people, teams, content):
    """Assignments to a1 and b1, enrolments, learners A and C complete the course (certificates), a reminder, a
    module review submitted by trainer B."""
    from courses.models import ModuleReview
    from progress.api import enrol
    from progress.models import TimeSpent
    from teams import certificates
    from teams.assigning import assign_courses
    from teams.models import ReminderLog

    course = content["course"]
    due = timezone.localdate() + timedelta(days=10)
    records = {"assignments": {label: assign_courses(teams[label], [course], due)[0] for label in ("a1", "b1")}}
    lesson = course.get_children().first()
    for name in ("learner_a", "learner_b", "learner_c"):
        enrol(people[name], course)
        # Realised time: without it the certificat de réalisation is refused (409) whoever asks.
        TimeSpent.objects.create(user=people[name], page=lesson, day=timezone.localdate(), seconds=600)
    with TestCase.captureOnCommitCallbacks(execute=True):  # the enrolment's completion date is set on commit
        for name in ("learner_a", "learner_c"):
            complete_lessons(people[name], course)
    records["certificates"] = {label: certificates.issue(people[f"learner_{label}"], course) for label in ("a", "c")}
    # A module review submitted by trainer B, the course's author (courses/moderation.py).
    records["module_review"] = ModuleReview.objects.create(course=course, submitted_by=content["course"].owner)
    records["reminder"] = ReminderLog.objects.create(
        assignment=records["assignments"]["a1"], user=people["learner_b"], kind=ReminderLog.Kind.MANUAL, batch="m"
    )
    return records


def play_case(user, case):
    from cases.play import continue_attempt, decide, start_attempt

    attempt = start_attempt(user, case)
    for step in range(5):
        attempt.refresh_from_db()
        decide(attempt, step=step, node_key=f"d{step + 1}", choice_key=f"bon{step + 1}", justification="Parce que.")
        continue_attempt(attempt)
    return attempt


def build_learner_records(people, content):
    """Journal entries and feedback, case and quiz attempts, H5P statements."""
    from h5p import xapi
    from quizzes.taking import start_attempt
    from statements.api import build_statement
    from tests.quizzes.test_results_and_access import take

    a, b, c = people["learner_a"], people["learner_b"], people["learner_c"]
    records = {
        "entries": {
            "a_private": make_entry(a, "Privée de A", f"<p>{PRIVATE_MARKER}</p>"),
            "a_shared": make_entry(a, "Partagée de A (sans module)", shared=True),
            "b_shared": make_entry(b, "Partagée de B (module)", shared=True, course=content["course"]),
            "c_shared": make_entry(c, "Partagée de C (sans module)", shared=True),
        },
        "case_attempts": {
            "a": play_case(a, content["shared_case"]),
            "b": play_case(b, content["shared_case"]),
            "c": play_case(c, content["shared_case"]),
            "c_org_b_case": play_case(c, content["org_b_case"]),
        },
        "quiz_attempts": {
            "a": take(a, content["quiz"], True),
            "b": take(b, content["quiz"], False),
            "c_in_progress": start_attempt(content["quiz"], c),
        },
    }
    make_feedback(records["entries"]["a_shared"], people["trainer_a"])
    make_feedback(records["entries"]["c_shared"], people["trainer_b"])
    activity = content["activities"]["in_lesson"]
    for learner in (a, b, c):
        score = {"score": {"scaled": 1.0}}
        statement = build_statement(learner, "answered", activity.get_iri(), "Activité", result=score)
        xapi.record(learner, activity, statement)
    return records


def build_group_records(people, teams, content):
    """Team-journal sessions (a1 closed, b1 open) with contributions, two live sessions, a pending invitation."""
    from debrief import live
    from teamjournal import journal as team_journal
    from teams import invitations

    sessions = {
        "a1_closed": make_practice_session(teams["a1"], people["trainer_a"], "Séance close de l'équipe A1"),
        "b1_open": make_practice_session(teams["b1"], people["trainer_b"], "Séance ouverte de l'équipe B1"),
    }
    contributions = {
        "a": make_contribution(sessions["a1_closed"], people["learner_a"]),
        "c": make_contribution(sessions["b1_open"], people["learner_c"]),
    }
    make_contribution(sessions["a1_closed"], people["learner_b"], parent=contributions["a"])
    team_journal.close(sessions["a1_closed"], people["trainer_a"])
    live_sessions = {
        "by_trainer_a": make_live_session(content["shared_case"], people["trainer_a"]),
        "by_trainer_b": make_live_session(content["shared_case"], people["trainer_b"]),
    }
    running = live_sessions["by_trainer_a"]
    live.open_vote(running)
    running.refresh_from_db()
    for participant in (live.join(running, user=people["learner_a"]), live.join(running, pseudonym="Invité")):
        live.cast_vote(running, participant, running.current_node_key, "bon1")
    invitation = invitations.create_invitation(teams["a1"], "invitee@exemple.test", invited_by=people["manager_a"])
    return {
        "practice_sessions": sessions,
        "contributions": contributions,
        "live_sessions": live_sessions,
        "invitation_token": invitations.make_token(invitation),
    }


def by_label(objects, keyword, attribute="pk"):
    return [(label, {keyword: getattr(obj, attribute)}) for label, obj in objects.items()]


def with_formats(pairs, formats):
    return [(label, {**kwargs, "fmt": fmt}) for label, kwargs in pairs for fmt in formats]


def membership_pk(kwargs):
    from teams.models import Membership

    return Membership.objects.get(team_id=kwargs["team_id"], user_id=kwargs["user_id"], role="member").pk


def lti_platform(Platform):
    return Platform.objects.create(
        name="Moodle",
        issuer="https://moodle.example.org",
        client_id="collectif",
        deployment_ids="1",
        auth_login_url="https://moodle.example.org/mod/lti/auth.php",
        auth_token_url="https://moodle.example.org/mod/lti/token.php",
        key_set_url="https://moodle.example.org/mod/lti/certs.php",
    )


def fill_sources(world, people, teams, content, records):
    """The URL keyword values of every source, each with the label the expected table uses for its object."""
    from accounts import welcome_link
    from h5p import player_tokens as player_tokens_module
    from lti.models import Platform
    from progress.models import Enrolment
    from scorm import player_tokens as scorm_tokens_module

    course = content["course"]
    members = [("a1", "learner_a"), ("a1", "learner_b"), ("a2", "learner_a2"), ("b1", "learner_c"), ("b2", "learner_d")]
    member_pairs = [(f"{t}_{n}", {"team_id": teams[t].pk, "user_id": people[n].pk}) for t, n in members]
    assigned = [(label, {**kw, "course_id": course.pk}) for label, kw in member_pairs if label in ASSIGNED_MEMBERS]
    enrolments = {label: Enrolment.objects.get(user=people[f"learner_{label}"], course=course) for label in "abc"}
    activities = content["activities"]
    # A player URL is a capability: signed for one learner and one activity, it opens without a session (the
    # player runs in an opaque-origin sandbox); a forged token opens nothing.
    player_tokens = {"learner_a_token": player_tokens_module.issue(people["learner_a"], activities["in_lesson"])}
    player_tokens["forged_token"] = player_tokens["learner_a_token"][:-4] + "AAAA"
    scorm_tokens = {"learner_a_token": scorm_tokens_module.issue(people["learner_a"], content["scorm"]["in_lesson"], 1)}
    scorm_tokens["forged_token"] = scorm_tokens["learner_a_token"][:-4] + "AAAA"
    world.sources |= {
        "cases": by_label({"shared_case": content["shared_case"], "org_b_case": content["org_b_case"]}, "page_id"),
        "case_attempts": by_label(records["case_attempts"], "attempt_id"),
        "courses": [("course", {"course_id": course.pk})],
        "module_reviews": [("by_trainer_b", {"review_id": records["module_review"].pk})],
        "lessons": by_label({"lesson": content["lesson"], "second_lesson": content["second_lesson"]}, "lesson_id"),
        "enrolments": by_label(enrolments, "enrolment_id"),
        "team_tables": with_formats(world.sources["teams"], ("csv", "xlsx")),
        "assignments": [
            (label, {"team_id": a.team_id, "assignment_id": a.pk}) for label, a in records["assignments"].items()
        ],
        "members": member_pairs,
        "memberships": [
            (label, {"team_id": kw["team_id"], "membership_id": membership_pk(kw)}) for label, kw in member_pairs
        ],
        "member_tables": with_formats(member_pairs, ("csv", "xlsx")),
        "member_evidence": with_formats(assigned, ("pdf", "xlsx")),
        "invitations": [("a1_invitation", {"token": records["invitation_token"]})],
        # A welcome link is a capability too: it opens the « Choisir mon mot de passe » form of its account (GET
        # changes nothing); a forged one says the link no longer works. Both answer 200 to everyone.
        "welcome_tokens": [
            ("learner_a_token", {"token": welcome_link.make_token(people["learner_a"])}),
            ("forged_token", {"token": welcome_link.make_token(people["learner_a"])[:-4] + "AAAA"}),
        ],
        "certificate_codes": by_label(records["certificates"], "code", "code"),
        "certificates": by_label(records["certificates"], "pk"),
        "reminders": [("b_reminder", {"pk": records["reminder"].pk})],
        "own_evidence": with_formats([("course", {"course_id": course.pk})], ("pdf", "xlsx")),
        "quizzes": [("quiz", {"quiz_id": content["quiz"].pk})],
        "quiz_attempts": by_label(records["quiz_attempts"], "attempt_id"),
        "live_sessions": by_label(records["live_sessions"], "code", "code"),
        "h5p_activities": by_label(activities, "pk"),
        "h5p_player_tokens": [(label, {"token": token}) for label, token in player_tokens.items()],
        "h5p_content_files": [(label, {"token": token, "path": "h5p.json"}) for label, token in player_tokens.items()],
        "h5p_library_files": [
            (label, {"token": token, "folder": "H5P.Matrice-1.0", "path": "library.json"})
            for label, token in player_tokens.items()
        ],
        "scorm_packages": by_label(content["scorm"], "pk"),
        "lti_platforms": [("moodle", {"pk": lti_platform(Platform).pk})],
        "scorm_player_files": [
            (label, {"token": token, "path": "index.html"}) for label, token in scorm_tokens.items()
        ],
        "entries": by_label(records["entries"], "pk"),
        "practice_sessions": by_label(records["practice_sessions"], "pk"),
        "contributions": by_label(records["contributions"], "pk"),
    }


def page_urls(content):
    from cases.models import CaseIndexPage
    from courses.models import CourseIndexPage
    from tests.factories import home_page

    return [
        ("home", home_page().url),
        ("catalogue", CourseIndexPage.objects.live().first().url),
        ("course", content["course"].url),
        ("lesson", content["lesson"].url),
        ("case_index", CaseIndexPage.objects.first().url),
        ("case", content["shared_case"].url),
        ("quiz", content["quiz_page"].url),
    ]


def build_world():
    world = World()
    people, teams = build_people(world)
    content = build_content(people)
    records = build_progress(people, teams, content)
    records |= build_learner_records(people, content)
    records |= build_group_records(people, teams, content)
    fill_sources(world, people, teams, content, records)
    world.pages = page_urls(content)
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    assert not settings.DEBUG, "the matrix checks production behaviour (DEBUG=False)"
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media), django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


# --- Requests ------------------------------------------------------------------------------------------------


def targets(world, route):
    """[(object label, url)] for a route; the label is "" for routes without URL keywords."""
    source = source_of(route)
    if source is None:
        return [("", reverse(route.name))]
    if source == "pages":
        return list(world.pages)
    return [(label, reverse(route.name, kwargs=kwargs)) for label, kwargs in world.sources[source]]


def outcome(response):
    """The status as the table writes it: LOGIN for a redirect to the login page, REDIRECT for any other."""
    if response.status_code in (301, 302):
        login = reverse("account_login")
        return LOGIN if response["Location"].split("?")[0] == login else REDIRECT
    return response.status_code


def clients(world):
    made = {}
    for role, user in world.users.items():
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        made[role] = client
    return made


def expected_for(row, role, label):
    cell = row[role]
    if isinstance(cell, dict):
        return cell.get(label, cell[ANY])
    return cell


def holds_private_text(response):
    """Whether a text response holds learner A's private entry (PDF and zip exports are compressed: not searched)."""
    if response.streaming or not response.get("Content-Type", "").startswith(TEXT_TYPES):
        return False
    return PRIVATE_MARKER in response.content.decode("utf-8", "replace")


def observe(world, routes):
    """({(route name, object label, url, role): outcome} for every route, object and role, [(url, role) that
    received learner A's private text]): learner A's own readings are listed too, to show the check is live."""
    by_role = clients(world)
    seen, readers = {}, []
    # Thousands of expected 403/404/405 would each log a warning; server errors (500) are still logged.
    request_log = logging.getLogger("django.request")
    request_log.setLevel(logging.ERROR)
    try:
        for route in routes:
            for label, url in targets(world, route):
                for role, client in by_role.items():
                    response = client.get(url)
                    seen[(route.name, label, url, role)] = outcome(response)
                    if holds_private_text(response):
                        readers.append((url, role))
    finally:
        request_log.setLevel(logging.NOTSET)
    return seen, readers


def show(value):
    return {LOGIN: "302→login", REDIRECT: "302→elsewhere"}.get(value, str(value))


def table(header, rows):
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = [" | ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)) for line in rows]
    title = " | ".join(name.ljust(width) for name, width in zip(header, widths, strict=True))
    return "\n".join([title, "-" * len(title), *lines])


# --- Tests ---------------------------------------------------------------------------------------------------


def test_every_route_has_objects_and_an_expectation():
    """A new route fails here, by name, until it has objects to fill its URL and a row in the expected table."""
    routes, unnamed = covered_routes()
    problems = [f"unnamed route {path!r}: name it so it can be reversed" for path in unnamed]
    for route in routes.values():
        if source_of(route) == "":
            problems.append(f"{route.name} ({route.path}): no objects for {route.kwargs}; map them in KWARG_SOURCES")
        if route.name not in EXPECTED:
            problems.append(f"{route.name} ({route.path}): no row in tests/access_matrix_expected.py")
    problems += [f"{name}: expected row for a route that no longer exists" for name in set(EXPECTED) - set(routes)]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
    assert len(routes) > 100, "the walk should reach every app's routes"


def test_every_role_gets_the_expected_status_on_every_url(world):
    routes, _unnamed = covered_routes()
    runnable = [route for route in routes.values() if route.name in EXPECTED and source_of(route) != ""]
    seen, readers = observe(world, runnable)
    mismatches, labels = [], {}
    for (name, label, url, role), got in seen.items():
        labels.setdefault(name, set()).add(label)
        wanted = expected_for(EXPECTED[name], role, label)
        if got != wanted:
            mismatches.append((name, label or "—", role, url, show(wanted), show(got)))
    stale = [
        f"{name}: {role} names object {label!r}, not among {sorted(labels[name])}"
        for name, row in EXPECTED.items()
        if name in labels
        for role, cell in row.items()
        if isinstance(cell, dict)
        for label in set(cell) - {ANY} - labels[name]
    ]
    if stale:
        pytest.fail("\n".join(stale), pytrace=False)
    if mismatches:
        header = ("route", "object", "role", "url", "expected", "got")
        message = f"{len(mismatches)} of {len(seen)} requests differ from the table:\n"
        pytest.fail(message + table(header, sorted(mismatches)), pytrace=False)
    assert {role for _url, role in readers} == {"learner_a"}, f"who received learner A's private entry: {readers}"
    assert len(seen) > 1500
