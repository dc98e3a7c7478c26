"""The « Cas pratiques » index page and its author permissions.

Run by migration 0002 and reused by tests/base_data.py; functions take an app registry (the migration's historical
one or django.apps.apps).
"""

from accounts.bootstrap import role_groups

TITLE = "Cas pratiques"
SLUG = "cas"
INTRO = (
    "<p>Des situations inspirées du terrain, à jouer étape par étape : à chaque décision, vous justifiez votre "
    "choix avant de découvrir son retour pédagogique, puis vous comparez votre parcours au parcours recommandé.</p>"
)
AUTHOR_ROLES = ("trainer", "lead_trainer")
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _next_child_path(Page, parent):
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    number = int(last.path[-4:], 36) + 1 if last else 1
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = ALPHABET[digit] + step
    return parent.path + step.rjust(4, "0")


def grant_author_permissions(apps, index_page_id):
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for group in role_groups(apps, AUTHOR_ROLES):
        for codename in PAGE_PERMISSIONS:
            permission = Permission.objects.filter(content_type__app_label="wagtailcore", codename=codename).first()
            if permission:
                GroupPagePermission.objects.get_or_create(group=group, page_id=index_page_id, permission=permission)


def create_case_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("home", "HomePage")
    CaseIndexPage = apps.get_model("cases", "CaseIndexPage")
    home = HomePage.objects.first()
    if home is None or CaseIndexPage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="caseindexpage", app_label="cases")
    index = CaseIndexPage.objects.create(
        title=TITLE,
        draft_title=TITLE,
        slug=SLUG,
        content_type=content_type,
        path=_next_child_path(Page, home),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{SLUG}/",
        intro=INTRO,
        locale_id=home.locale_id,
        live=True,
    )
    Page.objects.filter(pk=home.pk).update(
        numchild=Page.objects.filter(depth=home.depth + 1, path__startswith=home.path).count()
    )
    grant_author_permissions(apps, index.pk)


def remove_case_index(apps, schema_editor):
    apps.get_model("cases", "CaseIndexPage").objects.all().delete()
