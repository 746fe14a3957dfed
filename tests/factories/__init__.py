from tests.factories.accounts import MembershipFactory, PersonFactory
from tests.factories.campaigns import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CampaignUpdateFactory,
    ElectedOfficialFactory,
    LetterFactory,
    SignatureFactory,
)
from tests.factories.coordination import CoordinationTermFactory, RotationPlaceFactory
from tests.factories.directory import (
    AssociationFactory,
    DirectoryPageFactory,
    MembersPageFactory,
    ObservatoryPageFactory,
)
from tests.factories.documents import FolderFactory, make_document, pdf_bytes, pdf_upload
from tests.factories.events import (
    EventIndexPageFactory,
    EventPageFactory,
    RegistrableEventFactory,
    RegistrationFactory,
    ThemeFactory,
    VenueFactory,
)
from tests.factories.governance import (
    AgendaItemFactory,
    BodyFactory,
    BodyMeetingFactory,
    BodySeatFactory,
    PlenaryFactory,
    ProposalCommentFactory,
    ProposalFactory,
)
from tests.factories.groups import (
    GroupMemberFactory,
    MeetingFactory,
    TaskFactory,
    WorkingGroupFactory,
)
from tests.factories.images import ImageFactory
from tests.factories.news import CategoryFactory, CommentFactory, PostFactory
from tests.factories.pages import GuidePageFactory, StandardPageFactory
from tests.factories.users import UserFactory

__all__ = [
    "AgendaItemFactory",
    "AssociationFactory",
    "BodyFactory",
    "BodyMeetingFactory",
    "BodySeatFactory",
    "CampaignIndexPageFactory",
    "CampaignPageFactory",
    "CampaignUpdateFactory",
    "CategoryFactory",
    "CommentFactory",
    "CoordinationTermFactory",
    "DirectoryPageFactory",
    "ElectedOfficialFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "FolderFactory",
    "GroupMemberFactory",
    "GuidePageFactory",
    "ImageFactory",
    "LetterFactory",
    "MeetingFactory",
    "MembersPageFactory",
    "MembershipFactory",
    "ObservatoryPageFactory",
    "PersonFactory",
    "PlenaryFactory",
    "PostFactory",
    "ProposalCommentFactory",
    "ProposalFactory",
    "RegistrableEventFactory",
    "RegistrationFactory",
    "RotationPlaceFactory",
    "SignatureFactory",
    "StandardPageFactory",
    "TaskFactory",
    "ThemeFactory",
    "UserFactory",
    "VenueFactory",
    "WorkingGroupFactory",
    "make_document",
    "pdf_bytes",
    "pdf_upload",
]
