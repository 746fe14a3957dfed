from extranet.impact.models.pages import SocialUtilityPage
from extranet.impact.models.reminders import ReportReminder
from extranet.impact.models.reports import ImpactReport, ReportActivity, Status
from extranet.impact.models.values import HourlyValue

__all__ = ["HourlyValue", "ImpactReport", "ReportActivity", "ReportReminder",
           "SocialUtilityPage", "Status"]
