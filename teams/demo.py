"""Demo: the CCAS d'Ormelande (an invented commune), three teams, their manager and about forty learners whose
progress spreads over the past weeks. Runs after the content loaders; assigns only courses that exist."""

import random
from contextlib import contextmanager
from datetime import timedelta
from unittest import mock

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import User
from accounts.permissions import Role, assign_role
from core.models import Framework
from courses.models import CoursePage
from progress import api as progress
from progress.models import Status

from .assigning import add_learners, add_member
from .models import Assignment, Membership, NotificationPreference, Organisation, Team, TrainingProviderSettings
from .structure import structures

MANAGER_EMAIL = "responsable@demo.collectif.test"
LEARNER_EMAIL = "apprenante@demo.collectif.test"
TRAINER_EMAIL = "formatrice@demo.collectif.test"
ORGANISATION = "CCAS d'Ormelande"
CITY = "Ormelande"  # invented: the earlier demo used Valmont, a real commune
FORMER_NAME = "CCAS de Valmont"
LEARNER_DOMAIN = "@ormelande.demo.collectif.test"
FORMER_LEARNER_DOMAIN = "@valmont.demo.collectif.test"

TEAMS = [
    "Accueil et accès aux droits",
    "Action sociale de proximité",
    "Insertion et logement",
]
FIRST_NAMES = [
    "Amina",
    "Bastien",
    "Chloé",
    "David",
    "Élodie",
    "Farid",
    "Gaëlle",
    "Hugo",
    "Inès",
    "Jonathan",
    "Karima",
    "Louis",
    "Maëlle",
    "Nicolas",
    "Océane",
    "Pierre",
    "Rania",
    "Samuel",
    "Thérèse",
    "Ulysse",
    "Valérie",
    "William",
    "Yasmine",
    "Zoé",
    "Anthony",
    "Béatrice",
    "Cédric",
    "Djamila",
    "Estelle",
    "Fabien",
    "Grégoire",
    "Hélène",
    "Ibrahim",
    "Julie",
    "Kevin",
    "Laetitia",
    "Mathis",
    "Nadia",
    "Olivier",
    "Pauline",
]
LAST_NAMES = [
    "Arnaud",
    "Bertin",
    "Charpentier",
    "Da Silva",
    "Etienne",
    "Fontaine",
    "Garnier",
    "Hamidi",
    "Imbert",
    "Joly",
    "Klein",
    "Lemoine",
    "Marchand",
    "Nguyen",
    "Ollivier",
    "Perret",
    "Quentin",
    "Renaud",
    "Sanchez",
    "Traoré",
]
# (share of learners who finished, share in progress) per assignment, by position.
PROFILES = [(0.6, 0.25), (0.3, 0.35), (0.1, 0.3)]


@contextmanager
def _at(moment):
    """Record demo progress as if it had happened at `moment` (dates of results, events and enrolments)."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def _learner(index):
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    last = LAST_NAMES[(index * 7) % len(LAST_NAMES)]
    email = f"{first}.{last}".lower().replace(" ", "-")
    email = email.translate(str.maketrans("éèëêàâïîôöüûç", "eeeeaaiioouuc")) + LEARNER_DOMAIN
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last, "display_name": f"{first} {last}"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        assign_role(user, Role.LEARNER)
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _rename_former_addresses():
    """The demo learners of a demo loaded before the rename keep their records under the invented place name."""
    for user in User.objects.filter(email__endswith=FORMER_LEARNER_DOMAIN):
        address = user.email.removesuffix(FORMER_LEARNER_DOMAIN) + LEARNER_DOMAIN
        if User.objects.filter(email=address).exists():
            continue
        EmailAddress.objects.filter(user=user, email=user.email).update(email=address)
        user.email = address
        user.save(update_fields=["email"])


def _progress(user, structure, finished, started, rng):
    if not structure.lesson_ids or progress.results_for(user, structure.lesson_keys):
        return  # already played (the loader runs twice) or nothing to play
    now = timezone.now()
    lessons = structure.lesson_ids if finished else structure.lesson_ids[: max(1, len(structure.lesson_ids) // 2)]
    if not (finished or started):
        return
    moment = now - timedelta(days=rng.randint(3, 60))
    for lesson_id in lessons:
        with _at(moment):
            for key in structure.activity_keys:
                if key.startswith("quiz:"):
                    progress.record_activity(user, key, Status.COMPLETED, score=rng.choice([0.6, 0.7, 0.8, 0.9, 1.0]))
            progress.record_activity(user, f"lesson:{lesson_id}", Status.COMPLETED, duration=rng.randint(600, 1800))
            page = structure.course.get_children().filter(pk=lesson_id).first()
            if page:
                for beat in range(0, rng.randint(3, 12)):
                    progress.record_heartbeat(user, page, now=moment + timedelta(seconds=50 * beat))
        moment = min(moment + timedelta(days=rng.randint(1, 5)), now)


# Fictitious identifiers (the SIRET only passes the Luhn check): certificates of the demo show every heading.
DEMO_PROVIDER = {
    "legal_name": "Collectif Formation (organisme fictif de démonstration)",
    "siret": "12345678200010",
    "activity_declaration_number": "11000000000",
    "activity_declaration_region": "Démorégion",
    "address": "Adresse fictive\n00000 Démoville",
    "city": "Démoville",
    "qualiopi_certificate_number": "DEMO-0000",
    "signatory_name": "Dominique Exemple",
    "signatory_role": "Directrice (fictive)",
}


def _demo_provider():
    """Fill the training organisation's identity once, never over what an administrator entered."""
    setting = TrainingProviderSettings.current()
    if setting.site_id is None or setting.legal_name:
        return
    for field, value in DEMO_PROVIDER.items():
        setattr(setting, field, value)
    setting.save()


def load():
    manager = User.objects.filter(email=MANAGER_EMAIL).first()
    if manager is None:
        return []
    _demo_provider()
    # Valmont is a real commune: demos loaded before use the invented name now (kept idempotent).
    Organisation.objects.filter(name=FORMER_NAME).exclude(name=ORGANISATION).update(name=ORGANISATION, city=CITY)
    _rename_former_addresses()
    organisation, _ = Organisation.objects.get_or_create(name=ORGANISATION, defaults={"city": CITY})
    teams = []
    # The CCAS's social workers prepare or hold the DEASS: its domain titles are their default.
    deass = Framework.objects.filter(code="DEASS").first()
    for name in TEAMS:
        team, _ = Team.objects.get_or_create(organisation=organisation, name=name, defaults={"diploma": deass})
        add_member(team, manager, Membership.Role.MANAGER)
        trainer = User.objects.filter(email=TRAINER_EMAIL).first()
        if trainer:
            team.trainers.add(trainer)
        teams.append(team)
    NotificationPreference.objects.get_or_create(user=manager, defaults={"weekly_summary": True})
    learners = [_learner(i) for i in range(40)]
    camille = User.objects.filter(email=LEARNER_EMAIL).first()
    if camille:
        add_member(teams[0], camille)
    for i, user in enumerate(learners):
        add_member(teams[i % len(teams)], user)

    courses = list(CoursePage.objects.live().order_by("path")[:6])
    struct = structures(courses)
    today = timezone.localdate()
    rng = random.Random(2024)  # same demo every time
    for t, team in enumerate(teams):
        picked = courses[t % max(len(courses), 1) :][:3] or courses[:3]
        for position, course in enumerate(picked):
            due = today + timedelta(days=[-10, 5, 30][position % 3])
            assignment, created = Assignment.objects.get_or_create(
                team=team,
                course=course,
                defaults={"due_date": due, "remind_days_before": 7, "created_by": manager},
            )
            members = list(team.member_users())
            add_learners(assignment, members)
            finished_share, started_share = PROFILES[position % len(PROFILES)]
            for user in members:
                roll = rng.random()
                _progress(user, struct[course.pk], roll < finished_share, roll < finished_share + started_share, rng)
    from .tasks import ensure_scheduled

    ensure_scheduled()
    return [
        f"Équipes de démonstration : {ORGANISATION}, "
        f"{len(teams)} équipes, {len(learners)} apprenant·es, suivies par {MANAGER_EMAIL}"
        + ("" if courses else " (aucun module publié : pas d'affectation)."),
    ]
