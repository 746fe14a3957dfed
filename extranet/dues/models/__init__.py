from extranet.dues.models.dues import Dues, DuesReminder, Means
from extranet.dues.models.fund import EntryKind, FundEntry, LedgerIsAppendOnly
from extranet.dues.models.pages import SolidarityFundPage
from extranet.dues.models.scale import DuesBracket, DuesScale

__all__ = ["Dues", "DuesBracket", "DuesReminder", "DuesScale", "EntryKind", "FundEntry",
           "LedgerIsAppendOnly", "Means", "SolidarityFundPage"]
