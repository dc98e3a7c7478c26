"""The journal's records on cached pages: a learner's entries and the feedback on them."""

from core import invalidation

from .models import Feedback, JournalEntry

invalidation.learner_records(JournalEntry, "reflections", learners=lambda entry: [entry.author_id])
# A trainer's feedback shows on the entry author's page (mark_feedback_read UPDATEs it and says so itself).
invalidation.learner_records(
    Feedback,
    "reflections",
    learners=lambda feedback: [feedback.entry.author_id],
    written_by="reflections.services.mark_feedback_read",
)
