"""The admin form of an H5P activity: the package is checked on validation, installed (or staged) on save.

An activity played in a published lesson is not replaced on save: the new package becomes a pending
version that a lead trainer approves (versions.py); learners keep the approved one until then.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import store, versions
from .models import H5PActivity
from .packages import PackageError

LIVE_HELP = _(
    "Cette activité est utilisée dans une leçon publiée : un nouveau paquet déposé ici ne remplace pas "
    "tout de suite l'actuel. Il attend l'approbation d'un·e formateur·rice référent·e ; en attendant, "
    "les apprenant·es gardent la version approuvée."
)
PENDING_HELP = _("Une nouvelle version de cette activité attend déjà l'approbation d'un·e formateur·rice référent·e.")


class H5PActivityForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pending_version = None
        self.held_upgrades = []
        if versions.is_live(self.instance) and "package" in self.fields:
            notes = [str(self.fields["package"].help_text), str(LIVE_HELP)]
            if versions.pending_versions().filter(activity=self.instance).exists():
                notes.append(str(PENDING_HELP))
            self.fields["package"].help_text = " ".join(note for note in notes if note)

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
        user = getattr(self, "for_user", None)
        try:
            if isinstance(package, UploadedFile) and versions.is_live(instance):
                self._submit_for_review(instance, package, user)
            elif isinstance(package, UploadedFile):
                self._install_directly(instance, package, user)
            elif commit:
                instance.save()
        except PackageError as error:  # the store changed since validation
            raise ValidationError({"package": error.messages}) from error
        return instance

    def _submit_for_review(self, instance, package, user):
        """Keep the live package; only the other fields (the title) are saved now."""
        instance.package = H5PActivity.objects.filter(pk=instance.pk).values_list("package", flat=True).get()
        instance.save()
        self.pending_version = versions.submit(instance, package, user)

    def _install_directly(self, instance, package, user):
        """Nobody plays this activity: install now, except library upgrades that live lessons would run."""
        live_libraries = versions.library_folders_in_live_use()
        store.install_package(instance, package, user=user, hold_upgrades=live_libraries)
        self.held_upgrades = sorted(set(self.package_summary.get("upgrades", ())) & live_libraries)
        if self.held_upgrades:
            self.pending_version = versions.submit(instance, package, user)
