"""The RSS feed of the campaigns' updates (the timeline steps of every campaign of an index),
newest first."""

import datetime
import html

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from campaigns.models import CampaignPage, CampaignUpdate

FEED_ITEMS = 30


class CampaignUpdatesFeed(Feed):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("%(title)s : actualités des campagnes") % {"title": self.index.title}

    def link(self):
        return self.index.get_full_url(self.request) or "/"

    def description(self):
        return self.index.introduction or _("Les étapes des campagnes du collectif.")

    def items(self):
        pages = CampaignPage.objects.child_of(self.index).live().public()
        return (CampaignUpdate.objects.filter(page__in=pages)
                .select_related("page").order_by("-date", "-pk")[:FEED_ITEMS])

    def item_title(self, item):
        return f"{item.page.title} · {item.title}"

    def item_description(self, item):
        # Plain text: the feed escapes it once (rich text keeps "&" as "&amp;").
        return html.unescape(strip_tags(item.text))

    def item_link(self, item):
        return f"{item.page.get_full_url(self.request)}#actualite-{item.pk}"

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)))
