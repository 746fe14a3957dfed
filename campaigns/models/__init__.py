"""Advocacy campaigns: the campaigns' index and pages, their dated updates, the elected
officials they address, the petition's signatures and the letters the platform sends.

A campaign's signatures belong to its page in the default language (French): its English
translation shows the same counter and takes signatures for it (see `source_campaign`).

Signatures are never deleted while they count: an unconfirmed one (the signer never clicked
the emailed link) is purged after CAMPAIGN_UNCONFIRMED_RETENTION_DAYS, and erasing somebody's
data (`erase_personal_data`) empties what identifies them but keeps the row, so the counts
stay right.

The models live in modules named for what they hold: officials.py (the elected officials),
pages.py (the campaigns' index and pages, their associations and updates) and records.py
(signatures, letters); they are all importable from here.
"""

from campaigns.models.officials import (
    POSTCODE,
    POSTCODES_RE,
    ElectedOfficial,
    ElectedOfficialQuerySet,
    Mandate,
    split_postcodes,
    validate_postcodes,
)
from campaigns.models.pages import (
    CURRENT_STATUSES,
    DEFAULT_CONSENT_TEXT,
    ENDED_STATUSES,
    CampaignAssociation,
    CampaignIndexPage,
    CampaignPage,
    CampaignStatus,
    CampaignUpdate,
    DemandBlock,
    LetterDelivery,
    source_campaign,
)
from campaigns.models.records import (
    CommentStatus,
    Letter,
    LetterStatus,
    Signature,
    SignatureQuerySet,
)

__all__ = [
    "CURRENT_STATUSES",
    "DEFAULT_CONSENT_TEXT",
    "ENDED_STATUSES",
    "POSTCODE",
    "POSTCODES_RE",
    "CampaignAssociation",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignStatus",
    "CampaignUpdate",
    "CommentStatus",
    "DemandBlock",
    "ElectedOfficial",
    "ElectedOfficialQuerySet",
    "Letter",
    "LetterDelivery",
    "LetterStatus",
    "Mandate",
    "Signature",
    "SignatureQuerySet",
    "source_campaign",
    "split_postcodes",
    "validate_postcodes",
]
