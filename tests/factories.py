"""Test data builders. Later apps add their factories here."""

import factory
from allauth.account.models import EmailAddress

from accounts.models import User
from accounts.permissions import Role, assign_role

PASSWORD = "mot-de-passe-de-test-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.test")
    display_name = factory.Sequence(lambda n: f"Personne {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create:
            self.save()
            if extracted:
                assign_role(self, extracted)
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


def make_user(role=Role.LEARNER, **kwargs):
    return UserFactory(role=role, **kwargs)
