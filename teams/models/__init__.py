"""Organisations, teams and what managers do with them: assignments, reminders, certificates."""

from .assignments import AssignedLearner, Assignment
from .certificates import Certificate, LoginRecord
from .notifications import NotificationPreference, ReminderLog, SummaryLog
from .organisations import Invitation, Membership, Organisation, Team
from .provider import TrainingProviderSettings

__all__ = [
    "AssignedLearner",
    "Assignment",
    "Certificate",
    "Invitation",
    "LoginRecord",
    "Membership",
    "NotificationPreference",
    "Organisation",
    "ReminderLog",
    "SummaryLog",
    "Team",
    "TrainingProviderSettings",
]
