from django.dispatch import Signal

# Sent after record_activity() stored a result: sender=ActivityResult, result=..., previous_status=...
activity_recorded = Signal()
