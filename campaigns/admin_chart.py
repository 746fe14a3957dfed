"""The admin screen of a campaign's confirmed signatures per day: an SVG column chart drawn on
the server (the directory's chart primitives: no JavaScript, a title and a description read
out in place of the drawing) with the table of the same figures beside it, and the total.

For those who may view signatures (coordinators); reached from the campaign page's menus and
from the list of signatures filtered by campaign."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from campaigns.admin_signatures import signature_policy
from campaigns.models import CampaignPage, Signature, source_campaign
from campaigns.signatures import confirmed_per_day
from portal.charts import GRID, MUTED, PRIMARY, WIDTH, axis_step, join, number, svg

CHART_DAYS = 60
LABEL_EVERY = 7  # days between two dates written under the columns


def daily_chart(chart_id, title, description, days) -> SafeString:
    """One column a day (`days`: (date, count) in order), a value axis with grid lines, and
    a date written under every seventh column counting back from the last one. Each column's
    <title> holds its date and its number."""
    left, right, top, bottom, height = 48, 24, 12, 30, 260
    plot_width, plot_height = WIDTH - left - right, height - top - bottom
    step = axis_step(max((count for _day, count in days), default=0))
    maximum = step * 4
    parts = []
    for tick in range(5):
        y = top + plot_height * (1 - tick / 4)
        parts.append(format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="{}"/>'
            '<text x="{}" y="{}" font-size="13" text-anchor="end" fill="{}">{}</text>',
            left, WIDTH - right, f"{y:.1f}", f"{y:.1f}", GRID, "1" if tick == 0 else "0.5",
            left - 6, f"{y + 4:.1f}", MUTED, number(step * tick),
        ))
    slot = plot_width / max(len(days), 1)
    bar_width = min(slot * 0.8, 24)
    for index, (day, count) in enumerate(days):
        x = left + index * slot + (slot - bar_width) / 2
        if count:
            bar_height = plot_height * count / maximum
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{} – {}</title>'
                "</rect>",
                f"{x:.1f}", f"{top + plot_height - bar_height:.1f}", f"{bar_width:.1f}",
                f"{bar_height:.1f}", PRIMARY, formats.date_format(day, "DATE_FORMAT"),
                ngettext("%(count)s signature", "%(count)s signatures", count)
                % {"count": number(count)},
            ))
        if (len(days) - 1 - index) % LABEL_EVERY == 0:
            parts.append(format_html(
                '<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="{}">{}</text>',
                f"{left + index * slot + slot / 2:.1f}", height - 10, MUTED,
                day.strftime("%d/%m"),
            ))
    return svg(chart_id, title, description, height, join(parts))


class SignaturesPerDayView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = "view"
    template_name = "campaigns/admin/signatures_per_day.html"
    header_icon = "calendar"
    index_url_name = None  # set by the viewset

    @property
    def permission_policy(self):
        return signature_policy()

    @cached_property
    def campaign(self):
        """The campaign of the default language, which holds the signatures."""
        return source_campaign(get_object_or_404(CampaignPage, pk=self.kwargs["page_id"]))

    def get_page_title(self):
        return _("Signatures par jour")

    def get_page_subtitle(self):
        return self.campaign.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name),
             "label": capfirst(Signature._meta.verbose_name_plural)},
            {"url": "", "label": self.get_header_title()},
        ]

    def get_context_data(self, **kwargs):
        counts = confirmed_per_day(self.campaign, days=CHART_DAYS)
        chart = None
        if counts.days:
            first, last = counts.days[0][0], counts.days[-1][0]
            description = _(
                "Signatures confirmées chaque jour du %(first)s au %(last)s (%(period)s sur la "
                "période, %(total)s en tout) ; le tableau qui suit donne les mêmes chiffres."
            ) % {"first": formats.date_format(first, "DATE_FORMAT"),
                 "last": formats.date_format(last, "DATE_FORMAT"),
                 "period": number(counts.period_total), "total": number(counts.total)}
            chart = daily_chart("signatures-per-day", _("Signatures confirmées par jour"),
                                description, counts.days)
        return super().get_context_data(
            campaign=self.campaign, counts=counts, chart=chart, chart_days=CHART_DAYS,
            list_url=reverse(self.index_url_name) + f"?campaign={self.campaign.pk}",
            **kwargs,
        )
