"""Delete the files of an activity or a pending version once the deletion is committed (libraries stay)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import H5PActivity, H5PPackageVersion


@receiver(post_delete, sender=H5PActivity)
def delete_files(sender, instance, **kwargs):
    from .store import delete_activity_files

    transaction.on_commit(lambda: delete_activity_files(instance))


@receiver(post_delete, sender=H5PPackageVersion)
def delete_pending_files(sender, instance, **kwargs):
    from .store import delete_pending_files

    transaction.on_commit(lambda: delete_pending_files(instance))
