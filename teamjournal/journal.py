"""The rules of the team journal: opening a session, contributing and replying, hiding, closing, and what the
journal holds about a person (account data export and deletion).

Views, the demo loader and tests call these functions. Every text goes through the journal's sanitiser
(reflections.services.prepare → reflections.sanitize.clean_html) before it is stored.
"""

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from .models import Contribution, PracticeSession


class SessionClosed(Exception):
    """The session is closed: nobody may post in it any more."""


def open_session(team, opened_by, title, description_html, date):
    return PracticeSession.objects.create(
        team=team, opened_by=opened_by, title=title.strip(), description_html=description_html, date=date
    )


@transaction.atomic
def contribute(session, author, cleaned_html, parent=None):
    """A new contribution, or a reply when `parent` is given (a reply to a reply joins the same thread)."""
    session = PracticeSession.objects.select_for_update().get(pk=session.pk)
    if session.is_closed:
        raise SessionClosed
    if parent is not None:
        if parent.session_id != session.pk:
            raise ValueError("the reply and its contribution belong to different sessions")
        if parent.parent_id:
            parent = parent.parent
    return Contribution.objects.create(session=session, author=author, parent=parent, body_html=cleaned_html)


def hide(contribution, by):
    if not contribution.is_hidden:
        contribution.hidden_at = timezone.now()
        contribution.hidden_by = by
        contribution.save(update_fields=["hidden_at", "hidden_by"])


def unhide(contribution):
    contribution.hidden_at = None
    contribution.hidden_by = None
    contribution.save(update_fields=["hidden_at", "hidden_by"])


def close(session, by):
    if not session.is_closed:
        session.closed_at = timezone.now()
        session.closed_by = by
        session.save(update_fields=["closed_at", "closed_by"])


def shown_html(contribution, viewer=None):
    """The text a person reads: hidden contributions only for their author, removed ones for nobody.

    viewer=None is the shared view (exports): a hidden contribution is never in it.
    """
    if contribution.removed_at:
        return None
    if contribution.is_hidden and (viewer is None or contribution.author_id != viewer.pk):
        return None
    return contribution.body_html


def thread(session, viewer=None):
    """Top-level contributions in order, each with `.replies_list`, and `.shown` set for this viewer (2 queries)."""
    replies = Contribution.objects.select_related("author").order_by("created_at", "pk")
    contributions = list(
        session.contributions.filter(parent__isnull=True)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr="replies_list"))
        .order_by("created_at", "pk")
    )
    for contribution in contributions:
        contribution.shown = shown_html(contribution, viewer)
        for reply in contribution.replies_list:
            reply.shown = shown_html(reply, viewer)
    return contributions


# --- Account data export and erasure (accounts.personal_data) -----------------------------------------


def export_personal_data(user):
    contributions = Contribution.objects.filter(author=user).select_related("session__team").order_by("created_at")
    return {
        "contributions": [
            {
                "team": c.session.team.name,
                "session": c.session.title,
                "session_date": c.session.date,
                "reply": c.parent_id is not None,
                "text": c.body_html,
                "created_at": c.created_at,
                "hidden_by_facilitator": c.is_hidden,
            }
            for c in contributions
        ]
    }


@transaction.atomic
def erase_personal_data(user):
    """The person's contributions and replies go for good. A contribution others replied to loses its text and
    its author instead, so that the replies keep their place in the discussion ("contribution retirée").
    Sessions they opened stay with the team (the opener is forgotten by the foreign key)."""
    mine = Contribution.objects.filter(author=user)
    mine.filter(parent__isnull=False).delete()
    answered = mine.filter(replies__isnull=False).distinct()
    answered_ids = list(answered.values_list("pk", flat=True))
    Contribution.objects.filter(pk__in=answered_ids).update(
        author=None, body_html="", removed_at=timezone.now(), hidden_at=None, hidden_by=None
    )
    mine.exclude(pk__in=answered_ids).delete()
