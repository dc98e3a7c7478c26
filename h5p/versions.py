"""Pending versions: a new package for an activity played in a published lesson waits for approval.

Learners play an activity's own fields (its live version). Replacing the package of an activity used
in a live lesson only stages the new one (store.stage_package); a lead trainer or an administrator
approves it (its libraries enter the store, the live fields switch to it, the old content is deleted)
or rejects it (its files are deleted). A library played in a published lesson is never upgraded in
place by a direct upload either: the upload is installed with the stored patch and the upgrade waits
in a pending version. Every step is in Wagtail's audit log, and e-mailed.
"""

import contextlib
import difflib
import itertools
import json

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import log

from accounts.permissions import Role, has_role, users_with_role
from core.links import absolute_url
from core.mail import render_email
from progress.models import LessonActivity

from . import access, store
from .models import H5PActivity, H5PLibrary, H5PPackageVersion

SUBMIT, APPROVE, REJECT = "h5p.version.submit", "h5p.version.approve", "h5p.version.reject"
ROLLBACK = "h5p.version.rollback"
# The activity's fields a rollback puts back (its content files and package are kept until then).
ACTIVITY_FIELDS = ("content_path", "content_title", "main_library", "main_library_version", "h5p_json")


class VersionError(Exception):
    """The version was already reviewed, or its package no longer installs: a French message to show."""


def can_review(user):
    """Lead trainers and administrators approve versions; plain trainers only submit them."""
    return user.is_authenticated and user.is_active and has_role(user, Role.LEAD_TRAINER, Role.ADMIN)


def activities_in_live_lessons():
    """Activities that at least one published lesson holds: learners may be playing them."""
    key = Concat(Value("h5p:"), Cast("pk", output_field=CharField()), output_field=CharField())
    used = LessonActivity.objects.filter(lesson__live=True, activity_key=OuterRef("key"))
    return H5PActivity.objects.annotate(key=key).filter(Exists(used))


def is_live(activity):
    return bool(activity.pk) and access.lessons_using(activity).exists()


def library_folders_in_live_use():
    """Folder names (Machine-major.minor) of the stored libraries some live activity loads.

    The stored libraries' own dependencies are followed too: they are what the player really loads.
    """
    stored = {library.folder_name: library for library in H5PLibrary.objects.all()}
    live = activities_in_live_lessons().values("pk")
    queue = [library.folder_name for library in H5PLibrary.objects.filter(activities__in=live).distinct()]
    found = set()
    while queue:
        folder = queue.pop()
        if folder in found:
            continue
        found.add(folder)
        if folder in stored:
            queue.extend(stored[folder].dependencies)
    return found


def pending_versions():
    return H5PPackageVersion.objects.filter(status=H5PPackageVersion.Status.PENDING)


def submit(activity, uploaded_file, user=None):
    """Stage a replacement package for review. Raises packages.PackageError when it is refused."""
    fields = store.stage_package(uploaded_file)
    try:
        version = H5PPackageVersion.objects.create(
            activity=activity, submitted_by=user if user is not None and user.is_authenticated else None, **fields
        )
    except BaseException:
        store.delete_pending_files(H5PPackageVersion(**fields))
        raise
    log(activity, SUBMIT, user=version.submitted_by, data=_log_data(version))
    transaction.on_commit(lambda: notify_reviewers(version))
    return version


def approve(version, user, comment=""):
    """Install the version: its libraries enter the store, the activity's live fields switch to it."""
    with transaction.atomic():
        version = _lock_pending(version)
        activity = H5PActivity.objects.select_for_update().get(pk=version.activity_id)
        try:
            handle = default_storage.open(version.package.name, "rb")
        except OSError as error:
            raise VersionError(
                translation.gettext("Le paquet de cette version est introuvable dans le stockage : refusez-la.")
            ) from error
        state = _state_before(activity, version)
        with handle:
            # Raises PackageError when the store changed so much that the package no longer installs.
            package = File(handle, name="package.h5p")
            store.install_package(
                activity, package, user=version.submitted_by, hold_upgrades=frozenset(), keep_replaced=True
            )
        _forget_earlier_rollbacks(activity)
        version.rollback_state = _with_installed_paths(state)
        _close(version, H5PPackageVersion.Status.APPROVED, user, comment)
        log(activity, APPROVE, user=user, data=_log_data(version))
    transaction.on_commit(lambda: notify_submitter(version))
    return version


def rollback(version, user):
    """Undo an approval: the activity plays its previous version again, and the libraries this version upgraded
    go back to their previous patch for every activity (their files were kept). Only the latest approval of an
    activity can be rolled back; the version's own files are deleted once this is committed."""
    with transaction.atomic():
        version = H5PPackageVersion.objects.select_for_update().select_related("activity").get(pk=version.pk)
        if not version.can_roll_back:
            raise VersionError(translation.gettext("Cette version ne peut plus être annulée."))
        activity = H5PActivity.objects.select_for_update().get(pk=version.activity_id)
        state = version.rollback_state
        discard = [activity.content_path, activity.package.name if activity.package else ""]
        discard += _restore_libraries(state["libraries"])
        for name in ACTIVITY_FIELDS:
            setattr(activity, name, state["activity"][name])
        activity.package = state["activity"]["package"]
        activity.save()
        activity.libraries.set(H5PLibrary.objects.filter(pk__in=state["library_ids"]))
        version.status = H5PPackageVersion.Status.ROLLED_BACK
        version.rollback_state = {}
        version.save(update_fields=["status", "rollback_state"])
        log(activity, ROLLBACK, user=user, data=_log_data(version))
        transaction.on_commit(lambda: [store.delete_tree(path) for path in discard if path])
    transaction.on_commit(lambda: notify_submitter(version))
    return version


def _state_before(activity, version):
    """The activity's fields and the stored rows of the libraries this version upgrades, before its approval."""
    upgraded = {change["folder"] for change in library_changes(version) if change["upgrade"]}
    libraries = [
        {
            "pk": library.pk,
            "patch_version": library.patch_version,
            "storage_path": library.storage_path,
            "title": library.title,
            "runnable": library.runnable,
            "dependencies": library.dependencies,
        }
        for library in H5PLibrary.objects.all()
        if library.folder_name in upgraded
    ]
    fields = {name: getattr(activity, name) for name in ACTIVITY_FIELDS}
    fields["package"] = activity.package.name if activity.package else ""
    library_ids = list(activity.libraries.values_list("pk", flat=True))
    return {"activity": fields, "library_ids": library_ids, "libraries": libraries}


def _with_installed_paths(state):
    """Keep the libraries the approval really replaced, each with the path it installed (what a rollback removes)."""
    installed = dict(
        H5PLibrary.objects.filter(pk__in=[lib["pk"] for lib in state["libraries"]]).values_list("pk", "storage_path")
    )
    state["libraries"] = [
        {**lib, "installed_path": installed[lib["pk"]]}
        for lib in state["libraries"]
        if lib["pk"] in installed and installed[lib["pk"]] != lib["storage_path"]
    ]
    return state


def _restore_libraries(saved):
    """Put back the previous patch of each library, unless a later upload replaced it again; returns the paths of
    the patches taken out."""
    taken_out = []
    for lib in saved:
        row = H5PLibrary.objects.select_for_update().filter(pk=lib["pk"], storage_path=lib["installed_path"]).first()
        if row is None:
            continue
        taken_out.append(row.storage_path)
        for name in ("patch_version", "storage_path", "title", "runnable", "dependencies"):
            setattr(row, name, lib[name])
        row.save()
    return taken_out


def _forget_earlier_rollbacks(activity):
    """Only the latest approval can be rolled back: the files an earlier one kept are no longer reachable."""
    earlier = H5PPackageVersion.objects.filter(activity=activity, status=H5PPackageVersion.Status.APPROVED)
    for old in earlier.exclude(rollback_state={}):
        state = old.rollback_state
        paths = [state["activity"]["content_path"], state["activity"]["package"]]
        paths += [lib["storage_path"] for lib in state["libraries"]]
        transaction.on_commit(lambda paths=paths: [store.delete_tree(path) for path in paths if path])
    earlier.update(rollback_state={})


def reject(version, user, comment=""):
    """Refuse the version: its files are deleted, learners keep the live version."""
    with transaction.atomic():
        version = _lock_pending(version)
        _close(version, H5PPackageVersion.Status.REJECTED, user, comment)
        log(version.activity, REJECT, user=user, data=_log_data(version))
    transaction.on_commit(lambda: notify_submitter(version))
    return version


def _lock_pending(version):
    locked = H5PPackageVersion.objects.select_for_update().select_related("activity").get(pk=version.pk)
    if not locked.is_pending:
        raise VersionError(translation.gettext("Cette version a déjà été examinée."))
    return locked


def _close(version, status, user, comment):
    """Record the decision; the staged files go once the decision is committed."""
    staged = H5PPackageVersion(package=version.package.name, content_path=version.content_path)
    version.status = status
    version.reviewed_by = user
    version.reviewed_at = timezone.now()
    version.review_comment = comment.strip()
    version.package = ""
    version.content_path = ""
    version.save()
    transaction.on_commit(lambda: store.delete_pending_files(staged))


def _log_data(version):
    return {
        "version": version.pk,
        "content_title": version.content_title,
        "main_library": version.content_type_label,
        "comment": version.review_comment,
    }


def library_changes(version):
    """What the version changes in the store, each library with the activities and live lessons it affects."""
    stored = {library.folder_name: library for library in H5PLibrary.objects.prefetch_related("activities")}
    changes = []
    for library in version.libraries:
        current = stored.get(library["folder"])
        changes.append(
            {
                **library,
                "stored_version": current.version if current else "",
                "upgrade": bool(current and _newer(library, current)),
                "affected": _affected_activities(current) if current else [],
            }
        )
    return changes


def _newer(library, current):
    return int(library["version"].rsplit(".", 1)[1]) > current.patch_version


def _affected_activities(library):
    return [
        {"activity": activity, "lessons": list(access.lessons_using(activity).values_list("title", flat=True))}
        for activity in library.activities.all()
    ]


def read_content(version, limit=20000):
    """The staged content.json, pretty-printed and cut at `limit` characters, for the reviewer."""
    return _read_json_text(lambda: store.open_pending_file(version, "content/content.json"), limit)


def read_live_content(activity, limit=20000):
    return _read_json_text(lambda: store.open_content_file(activity, "content/content.json"), limit)


def content_diff(live_text, new_text, max_lines=400):
    """The changed lines between the live and the new content.json (unified diff), for the reviewer."""
    lines = difflib.unified_diff(
        live_text.splitlines(), new_text.splitlines(), "en ligne", "nouvelle version", n=1, lineterm=""
    )
    return "\n".join(itertools.islice(lines, max_lines))


def _read_json_text(opener, limit):
    try:
        with opener() as handle:
            text = handle.read(limit * 4).decode("utf-8-sig", errors="replace")
    except OSError:
        return ""
    with contextlib.suppress(ValueError, RecursionError):  # cut or odd JSON: shown as stored
        text = json.dumps(json.loads(text), ensure_ascii=False, indent=2)
    return text[:limit]


# --- E-mails (French, as every e-mail of the platform) -------------------------------------------------


def _review_url(version):
    return absolute_url(reverse("h5p_versions:detail", args=[version.pk]))


def _send(template, version, recipients):
    if not recipients:
        return
    with translation.override("fr"):
        context = {"version": version, "activity": version.activity, "url": _review_url(version)}
        subject, body = render_email(f"h5p/emails/{template}", context)
    send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, recipients)


def notify_reviewers(version):
    """Lead trainers learn that a version waits for them."""
    reviewers = (
        users_with_role(Role.LEAD_TRAINER)
        .filter(is_active=True)
        .exclude(email="")
        .exclude(pk=version.submitted_by_id)
        .values_list("email", flat=True)
        .distinct()
    )
    _send("version_submitted", version, list(reviewers))


def notify_submitter(version):
    submitter = version.submitted_by
    if submitter is None or not submitter.is_active or not submitter.email:
        return
    templates = {
        H5PPackageVersion.Status.APPROVED: "version_approved",
        H5PPackageVersion.Status.REJECTED: "version_rejected",
        H5PPackageVersion.Status.ROLLED_BACK: "version_rolledback",
    }
    _send(templates[version.status], version, [submitter.email])
