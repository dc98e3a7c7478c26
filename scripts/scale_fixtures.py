"""Accounts and content the scale check needs, created by `manage.py scale_check_fixtures`."""

LEARNER = "apprenant-echelle@collectif.test"
TRAINER = "formatrice-echelle@collectif.test"
PASSWORD = "verifier-a-l-echelle-2026"


def create():
    from allauth.account.models import EmailAddress

    from accounts.models import User
    from accounts.permissions import Role, assign_role

    for email, role in [(LEARNER, Role.LEARNER), (TRAINER, Role.TRAINER)]:
        user, created = User.objects.get_or_create(email=email, defaults={"display_name": email.split("@")[0]})
        if created:
            user.set_password(PASSWORD)
            user.save()
        assign_role(user, role)
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
