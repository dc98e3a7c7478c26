"""Rows that migrations create and that a transactional test's flush wipes out.

Browser tests run against a live server with `transaction=True`; Django empties every table after
each of them. This puts back what a bare `migrate` gives: locale, root page and collection, role
groups with their permissions (quiz bank and H5P permissions included), the home page and the default site,
the catalogue « Formations » with its page permissions and moderation workflow, the case and quiz indexes.
"""

import importlib

from django.apps import apps
from wagtail.models import Collection, Locale, Page, Site


def restore_base_data():
    locale, _ = Locale.objects.get_or_create(language_code="fr")
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    groups = importlib.import_module("accounts.migrations.0002_create_role_groups")
    groups.create_groups(apps, None)
    importlib.import_module("h5p.migrations.0002_group_permissions").grant(apps, None)
    quiz_permissions = importlib.import_module("quizzes.migrations.0002_trainer_permissions")
    quiz_permissions.grant_permissions(apps, None)
    from home.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(title="Se former à l'intervention sociale collective", slug="accueil", locale=locale)
        )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Collectif"},
    )
    _restore_case_index(home)
    catalogue = importlib.import_module("courses.migrations.0003_catalogue_permissions_workflow")
    catalogue.create_catalogue(apps, None)


def _restore_case_index(home):
    from cases.models import CaseIndexPage

    if CaseIndexPage.objects.exists():
        return
    migration = importlib.import_module("cases.migrations.0002_case_index_page")
    index = home.add_child(instance=CaseIndexPage(title=migration.TITLE, slug=migration.SLUG, intro=migration.INTRO))
    migration.grant_author_permissions(apps, index.pk)
