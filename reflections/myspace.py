"""The journal's section of "Mon espace": new feedback for learners, entries awaiting a reply for trainers."""

from .access import can_read_shared_entries
from .models import Feedback, JournalEntry


def journal_section(request):
    user = request.user
    recent = list(
        Feedback.objects.filter(entry__author=user).select_related("entry", "author").order_by("-created_at")[:3]
    )
    context = {
        "entry_count": JournalEntry.objects.owned_by(user).count(),
        "unread_count": Feedback.objects.filter(entry__author=user, read_at__isnull=True).count(),
        "recent_feedback": recent,
        "is_trainer": can_read_shared_entries(user),
    }
    if context["is_trainer"]:
        context["awaiting_count"] = JournalEntry.objects.shared_with(user).filter(feedback__isnull=True).count()
    return context
