"""Many entries of Wagtail's audit log in one query (an import of 2,000 people), with the fields wagtail.log()
writes, so they read the same in the admin's site history."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import LogFormatter
from wagtail.models import ModelLogEntry


def log_many(action, entries, user=None):
    """entries: [(instance, title, data)], all instances of one model."""
    if not entries:
        return
    content_type = ContentType.objects.get_for_model(entries[0][0], for_concrete_model=False)
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            object_id=str(instance.pk),
            label=title,
            action=action,
            data=data,
            timestamp=now,
            user=user,
        )
        for instance, title, data in entries
    )


class CommentedDecisionFormatter(LogFormatter):
    """A reviewer's decision in the history (module reviews, H5P versions), with their comment beside it."""

    def format_message(self, log_entry):
        comment = (log_entry.data or {}).get("comment")
        return f"{self.message} — « {comment} »" if comment else str(self.message)
