"""The journal's section of "Mon espace": new feedback for learners, entries awaiting a reply for trainers."""

from django.db.models import Count, Q

from .access import can_read_shared_entries
from .models import Feedback, JournalEntry


def journal_section(request):
    user = request.user
    recent = list(
        Feedback.objects.filter(entry__author=user).select_related("entry", "author").order_by("-created_at")[:3]
    )
    counts = JournalEntry.objects.owned_by(user).aggregate(
        entries=Count("pk", distinct=True), unread=Count("feedback", filter=Q(feedback__read_at__isnull=True))
    )
    context = {
        "entry_count": counts["entries"],
        "unread_count": counts["unread"],
        "recent_feedback": recent,
        "is_trainer": can_read_shared_entries(user),
    }
    if context["is_trainer"]:
        context["awaiting_count"] = JournalEntry.objects.shared_with(user).filter(feedback__isnull=True).count()
    return context
