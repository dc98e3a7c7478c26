"""The admin form of an H5P activity: the package is checked on validation, installed on save."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import store
from .packages import PackageError


class H5PActivityForm(WagtailAdminModelForm):
    def clean_package(self):
        package = self.cleaned_data.get("package")
        if isinstance(package, UploadedFile):
            if not package.name.lower().endswith(".h5p"):
                raise ValidationError(_("Choisissez un fichier .h5p (un paquet exporté par un éditeur H5P)."))
            try:
                self.package_summary = store.validate_package(package)
            except PackageError as error:
                raise ValidationError(error.messages) from error
        return package

    def save(self, commit=True):
        instance = super().save(commit=False)
        package = self.cleaned_data.get("package")
        if isinstance(package, UploadedFile):
            try:
                store.install_package(instance, package, user=getattr(self, "for_user", None))
            except PackageError as error:  # the store changed since validation
                raise ValidationError({"package": error.messages}) from error
        elif commit:
            instance.save()
        return instance
