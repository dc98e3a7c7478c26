"""Demo accounts, one per role, with verified e-mail addresses. Development settings only."""

from allauth.account.models import EmailAddress

from .models import User
from .permissions import Role, assign_role

TRAINER_EMAIL = "formatrice@demo.collectif.test"

DEMO_ACCOUNTS = [
    # (e-mail, password, display name, role)
    ("apprenante@demo.collectif.test", "apprendre-ensemble", "Camille Martin", Role.LEARNER),
    (TRAINER_EMAIL, "former-ensemble", "Nadia Benali", Role.TRAINER),
    ("referente@demo.collectif.test", "valider-ensemble", "Hélène Roussel", Role.LEAD_TRAINER),
    ("responsable@demo.collectif.test", "suivre-ensemble", "Julien Perrin", Role.MANAGER),
    ("admin@demo.collectif.test", "administrer-ensemble", "Admin Collectif", Role.ADMIN),
]


def ensure_user(email, password, display_name, role=None, **extra):
    """Create (or leave as is) a user with a verified primary address; returns the user."""
    user, created = User.objects.get_or_create(email=email, defaults={"display_name": display_name, **extra})
    if created:
        user.set_password(password)
        user.save()
    if role:
        assign_role(user, role)
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def load():
    lines = ["", "Comptes de démonstration (réglages de développement uniquement) :"]
    for email, password, name, role in DEMO_ACCOUNTS:
        extra = {"is_staff": True, "is_superuser": True} if role == Role.ADMIN else {}
        ensure_user(email, password, name, role, **extra)
        lines.append(f"  {role.value:<13} {email:<34} mot de passe : {password}")
    lines.append("")
    return lines


def give_to_demo_trainer(pages):
    """Make the demo trainer the owner of the demo pages nobody owns yet, as their author in the admin (ownership
    gives no reading scope: see core/scope.py). Pages someone already owns are left alone, so running the demo again
    changes nothing."""
    trainer = User.objects.filter(email=TRAINER_EMAIL).first()
    if trainer is not None:
        pages.filter(owner__isnull=True).update(owner=trainer)
