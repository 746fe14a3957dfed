from tests.factories.images import ImageFactory
from tests.factories.pages import StandardPageFactory
from tests.factories.users import UserFactory

__all__ = ["ImageFactory", "StandardPageFactory", "UserFactory"]
