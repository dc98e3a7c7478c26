"""Rows that migrations create and that a transactional test's flush wipes out.

Browser tests run against a live server with `transaction=True`; Django empties every table after
each of them. This puts back what a bare `migrate` gives: locale, root page and collection, role
groups with their permissions (quiz bank and H5P permissions included), the home page and the default site,
the catalogue « Formations » with its page permissions and moderation workflow, the case and quiz indexes.
"""

from django.apps import apps
from wagtail.models import Collection, Locale, Page, Site


def restore_base_data():
    locale, _ = Locale.objects.get_or_create(language_code="fr")
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    from accounts import bootstrap as accounts_bootstrap
    from h5p import bootstrap as h5p_bootstrap
    from quizzes import bootstrap as quizzes_bootstrap
    from scorm import bootstrap as scorm_bootstrap

    accounts_bootstrap.create_groups(apps, None)
    h5p_bootstrap.grant(apps, None)
    quizzes_bootstrap.grant_permissions(apps, None)
    scorm_bootstrap.grant(apps, None)
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
    from courses.bootstrap import create_catalogue

    create_catalogue(apps, None)


def _restore_case_index(home):
    from cases import bootstrap
    from cases.models import CaseIndexPage

    if CaseIndexPage.objects.exists():
        return
    index = home.add_child(instance=CaseIndexPage(title=bootstrap.TITLE, slug=bootstrap.SLUG, intro=bootstrap.INTRO))
    bootstrap.grant_author_permissions(apps, index.pk)
