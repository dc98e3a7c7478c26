"""The admin form of a SCORM module: the package is checked on validation, unpacked and stored on save."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.archives import ArchiveError

from . import packages, store


class ScormPackageForm(WagtailAdminModelForm):
    def clean_package(self):
        package = self.cleaned_data.get("package")
        if isinstance(package, UploadedFile):
            if not package.name.lower().endswith(".zip"):
                raise ValidationError(_("Choisissez un fichier .zip (un paquet SCORM exporté par un outil auteur)."))
            try:
                with packages.inspect(package):
                    pass
            except ArchiveError as error:
                raise ValidationError(error.messages) from error
        return package

    def save(self, commit=True):
        instance = super().save(commit=False)
        package = self.cleaned_data.get("package")
        if isinstance(package, UploadedFile):
            try:
                store.install(instance, package, user=getattr(self, "for_user", None))
            except ArchiveError as error:
                raise ValidationError({"package": error.messages}) from error
        elif commit:
            instance.save()
        return instance
