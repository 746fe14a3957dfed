import factory
from allauth.account.models import EmailAddress

from extranet.accounts.models import Membership, Role
from tests.factories.directory import AssociationFactory
from tests.factories.users import UserFactory


class PersonFactory(UserFactory):
    """A person who signs in to the extranet: a user whose email address is verified."""

    username = factory.Sequence(lambda n: f"membre{n}")

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True,
                                        primary=True)


class MembershipFactory(factory.django.DjangoModelFactory):
    """A current membership (role: member unless told)."""

    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    association = factory.SubFactory(AssociationFactory)
    role = Role.MEMBER
