"""Delete an activity's files once its deletion is committed (its libraries stay: they are shared)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import H5PActivity


@receiver(post_delete, sender=H5PActivity)
def delete_files(sender, instance, **kwargs):
    from .store import delete_activity_files

    transaction.on_commit(lambda: delete_activity_files(instance))
