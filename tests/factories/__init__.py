from tests.factories.accounts import MembershipFactory, PersonFactory
from tests.factories.directory import (
    AssociationFactory,
    DirectoryPageFactory,
    ObservatoryPageFactory,
)
from tests.factories.images import ImageFactory
from tests.factories.pages import StandardPageFactory
from tests.factories.users import UserFactory

__all__ = [
    "AssociationFactory",
    "DirectoryPageFactory",
    "ImageFactory",
    "MembershipFactory",
    "ObservatoryPageFactory",
    "PersonFactory",
    "StandardPageFactory",
    "UserFactory",
]
