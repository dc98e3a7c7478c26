"""In-app notices (« Mon espace ») : written in bulk by the apps that have something to tell (teams, when a module
is assigned), read by the person they are for, and only by them.

Both writes go without signals (bulk_create, update), so each drops the learners' "accounts" token itself
(core.invalidation): their cached « Mon espace » shows the change at the next visit.
"""

from django.utils import timezone

from core.cache_versions import learner_changed

from .models import Notice

SHOWN = 10  # the most recent ones; older notices stay in the personal data export


def notify(user_ids, kind, title, link="", due_date=None):
    """One notice per person (ids); returns how many were written. `link` is a path on this site (others are
    dropped: a notice never sends anyone elsewhere)."""
    user_ids = sorted(set(user_ids))
    if not (link.startswith("/") and not link.startswith("//")):
        link = ""
    Notice.objects.bulk_create(
        [Notice(user_id=pk, kind=kind, title=title[:255], link=link[:500], due_date=due_date) for pk in user_ids]
    )
    for pk in user_ids:
        learner_changed(pk, "accounts")
    return len(user_ids)


def visible_to(user):
    """The notices a person may see: their own."""
    return Notice.objects.filter(user_id=user.pk)


def recent_for(user, limit=SHOWN):
    return list(visible_to(user)[:limit])


def mark_read(user, notice_ids=None):
    """Mark the person's unread notices (or only these ids among them) as read; returns how many changed."""
    unread = visible_to(user).filter(read_at__isnull=True)
    if notice_ids is not None:
        unread = unread.filter(pk__in=notice_ids)
    changed = unread.update(read_at=timezone.now())
    if changed:
        learner_changed(user.pk, "accounts")
    return changed


def myspace_context(request):
    """The latest notices, the unread ones flagged « Nouveau »: shown once, they count as read."""
    notices = recent_for(request.user)
    unread = [notice.pk for notice in notices if notice.read_at is None]
    if unread:
        mark_read(request.user, unread)
    return {"notices": notices, "unread": set(unread)}
