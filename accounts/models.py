"""The platform's user: e-mail is the login, no username."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.mail import is_undeliverable
from core.text_input import validate_single_line


class EmailUserManager(UserManager):
    """Creates users from an e-mail address; the username field does not exist."""

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("adresse e-mail"), unique=True)
    display_name = models.CharField(
        _("nom affiché"),
        max_length=150,
        blank=True,
        validators=[validate_single_line],
        help_text=_("Le nom que voient vos formateur·rices et votre équipe."),
    )
    preferred_language = models.CharField(_("langue préférée"), max_length=8, choices=settings.LANGUAGES, default="fr")
    diploma = models.ForeignKey(
        "core.Framework",
        verbose_name=_("diplôme préparé"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learners",
        help_text=_(
            "Les domaines de compétences s'affichent avec les intitulés de ce diplôme. Sans choix, ceux du "
            "diplôme de votre équipe."
        ),
    )
    inactivity_warned_at = models.DateTimeField(
        _("averti·e de l'inactivité le"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Date de l'avis de suppression pour inactivité ; effacée à la connexion suivante."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("utilisateur·rice")
        verbose_name_plural = _("utilisateur·rices")
        ordering = ["email"]

    def __str__(self):
        return self.get_display_name()

    def get_display_name(self):
        """The name shown to others: display name, then full name, then the e-mail's local part."""
        return self.display_name or self.get_full_name() or self.email.split("@")[0]

    @property
    def contact_email(self):
        """The address to show or write to; "" for an account a learning platform made (placeholder address)."""
        return "" if is_undeliverable(self.email) else self.email


class RoleGroup(models.Model):
    """Ties a role's stable code to its Django group, so the group's name stays a free, editable label."""

    code = models.CharField(_("code du rôle"), max_length=20, primary_key=True)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="role", verbose_name=_("groupe"))

    class Meta:
        verbose_name = _("groupe de rôle")
        verbose_name_plural = _("groupes de rôle")

    def __str__(self):
        return f"{self.code} → {self.group.name}"


class Notice(models.Model):
    """A short in-app notice for one person, listed on « Mon espace » (e.g. a module their team assigned to them).

    What it is about is stored as data (kind, title, date), not as a sentence: the page words it in the reader's
    language and formats the date for it."""

    class Kind(models.TextChoices):
        ASSIGNMENT = "assignment", _("Module affecté")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices", verbose_name=_("destinataire")
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.ASSIGNMENT)
    title = models.CharField(_("titre"), max_length=255)
    link = models.CharField(_("lien"), max_length=500, blank=True, help_text=_("Adresse sur le site (chemin)."))
    due_date = models.DateField(_("échéance"), null=True, blank=True)
    created = models.DateTimeField(_("créé le"), auto_now_add=True)
    read_at = models.DateTimeField(_("lu le"), null=True, blank=True)

    class Meta:
        verbose_name = _("avis")
        verbose_name_plural = _("avis")
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["user", "-created"], name="accounts_notice_user_created")]

    def __str__(self):
        return f"{self.get_kind_display()} : {self.title}"
