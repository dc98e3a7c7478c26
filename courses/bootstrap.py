"""The catalogue « Formations », its page permissions and moderation workflow.

Run by migration 0003, by tests/base_data.py after a transactional flush and by the demo loader, so every
function is idempotent and takes an app registry (the migration's historical one or django.apps.apps).
"""

from accounts.bootstrap import role_group

CATALOGUE_TITLE = "Formations"
CATALOGUE_SLUG = "formations"
CATALOGUE_INTRO = (
    "<p>Des modules courts pour apprendre à agir avec les personnes concernées, les groupes et les partenaires "
    "d'un territoire. Filtrez par domaine de compétences, niveau ou durée.</p>"
)
WORKFLOW_NAME = "Validation des formations"
TASK_NAME = "Relecture par un·e formateur·rice référent·e"
ROLES = ("trainer", "lead_trainer", "admin")
PAGE_PERMISSIONS = {
    "trainer": ["add_page", "change_page"],
    "lead_trainer": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "admin": ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
APPROVERS = ("lead_trainer", "admin")
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def next_child_path(Page, parent):
    """Treebeard's materialised path of a new last child (historical models have no add_child())."""
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    number = 0 if last is None else int(last.path[-STEPLEN:], 36)
    number += 1
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = ALPHABET[digit] + step
    return parent.path + step.rjust(STEPLEN, "0")


def ensure_catalogue(apps):
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    CourseIndexPage = apps.get_model("courses", "CourseIndexPage")
    HomePage = apps.get_model("home", "HomePage")
    existing = CourseIndexPage.objects.order_by("path").first()
    if existing is not None:
        return existing
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return None
    content_type, _ = ContentType.objects.get_or_create(app_label="courses", model="courseindexpage")
    catalogue = CourseIndexPage(
        title=CATALOGUE_TITLE,
        draft_title=CATALOGUE_TITLE,
        slug=CATALOGUE_SLUG,
        intro=CATALOGUE_INTRO,
        content_type=content_type,
        path=next_child_path(Page, home),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{CATALOGUE_SLUG}/",
        locale_id=home.locale_id,
        live=True,
        has_unpublished_changes=False,
    )
    catalogue.save()
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    Page.objects.filter(pk=home.pk).update(numchild=children)
    return catalogue


def permission(apps, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return perm


def create_catalogue(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    catalogue = ensure_catalogue(apps)
    if catalogue is None:
        return
    groups = {role: role_group(apps, role) for role in ROLES}
    for role, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[role], page_id=catalogue.pk, permission=permission(apps, codename)
            )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(*[groups[role] for role in APPROVERS])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page_id=catalogue.pk, defaults={"workflow": workflow})


def remove_catalogue(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()
