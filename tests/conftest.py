import contextlib
import os
from pathlib import Path

import pytest

from accounts.permissions import Role
from tests.factories import PASSWORD, make_user

# Playwright's sync API runs an event loop in this thread; the ORM calls made by tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(autouse=True)
def _french_at_start():
    """Each test starts in French: the language middleware activates a person's language for the thread (each
    request sets it again in production), so a test that browsed in English would otherwise leave it active."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: primary keys are reused after a rollback, so a cached value keyed
    on one test's team or page could otherwise be read by the next test."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _base_data_for_transactional_tests(request):
    """Transactional tests start from an emptied database: put back what migrations had created."""
    marker = request.node.get_closest_marker("django_db")
    if (marker and marker.kwargs.get("transaction")) or "transactional_db" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        from tests.base_data import restore_base_data

        restore_base_data()


@pytest.fixture
def learner(db):
    return make_user(Role.LEARNER, display_name="Camille Apprenante")


@pytest.fixture
def other_learner(db):
    return make_user(Role.LEARNER, display_name="Sacha Autre")


@pytest.fixture
def trainer(db):
    return make_user(Role.TRAINER, display_name="Nadia Formatrice")


@pytest.fixture
def lead_trainer(db):
    return make_user(Role.LEAD_TRAINER, display_name="Hélène Référente")


@pytest.fixture
def manager(db):
    return make_user(Role.MANAGER, display_name="Julien Responsable")


@pytest.fixture
def admin_user(db):
    return make_user(Role.ADMIN, display_name="Admin", is_staff=True, is_superuser=True)


@pytest.fixture
def author(db):
    """A trainer who writes activities (case reports and quiz results are scoped to authors)."""
    return make_user(Role.TRAINER, display_name="Inès Autrice")


@pytest.fixture
def team_trainer(learner):
    """Trains the team of the `learner` fixture; `other_learner` is in no team of theirs."""
    from tests.factories import make_team

    trainer = make_user(Role.TRAINER, display_name="Marc Accompagnateur")
    make_team(members=[learner]).trainers.add(trainer)
    return trainer


# --- Browser fixtures (Playwright driving Debian's Chromium) ------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium est introuvable : installez-le avec 'apt-get install -y chromium'.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def settle_and_close(ctx):
    """Let in-flight requests (autosave, xAPI posts, polling) finish before the database is flushed, and send
    no more: a request running on the live server during the flush can deadlock PostgreSQL's TRUNCATE or break
    SQLite's foreign keys. Closing a lesson fires a last heartbeat (visibilitychange): offline, it goes nowhere."""
    for open_page in ctx.pages:
        with contextlib.suppress(Exception):  # a page that never settles is closed anyway
            open_page.wait_for_load_state("networkidle", timeout=5_000)
    with contextlib.suppress(Exception):
        ctx.set_offline(True)
    ctx.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(15_000)
    yield ctx
    settle_and_close(ctx)


@pytest.fixture
def page(context):
    return context.new_page()


def login(page, live_server, user, password=PASSWORD):
    """Log in through the real form, as a person would."""
    page.goto(f"{live_server.url}/comptes/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/comptes/login/" not in url)
    return page


@pytest.fixture
def page_as(browser, live_server):
    """page_as(user) gives a fresh logged-in page for that user in its own browser context."""
    contexts = []

    def make(user):
        ctx = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
        ctx.set_default_timeout(15_000)
        contexts.append(ctx)
        return login(ctx.new_page(), live_server, user)

    yield make
    for ctx in contexts:
        settle_and_close(ctx)


@pytest.fixture
def learner_page(page_as, learner):
    return page_as(learner)


@pytest.fixture
def trainer_page(page_as, trainer):
    return page_as(trainer)


@pytest.fixture
def manager_page(page_as, manager):
    return page_as(manager)


@pytest.fixture
def admin_page(page_as, admin_user):
    return page_as(admin_user)
