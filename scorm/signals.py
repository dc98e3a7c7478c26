"""A deleted package takes its unpacked files and its archive with it."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from . import store
from .models import ScormPackage


@receiver(post_delete, sender=ScormPackage, dispatch_uid="scorm_package_files")
def delete_package_files(sender, instance, **kwargs):
    store.delete_tree(instance.storage_path)
    if instance.package:
        instance.package.delete(save=False)
