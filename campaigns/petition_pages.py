"""The campaign pages the signing POST needs, kept by each process between two changes.

Loading a campaign page (its page, its campaign fields, its locale, whether it or an ancestor
is private) is the most expensive part of a signature; during a burst every POST loads the
same page. So each process keeps the pages it loaded, under a version number held in the
shared cache: any change that could open, close or hide a petition (a campaign page saved,
published, unpublished, moved or deleted, a view restriction set or lifted) sets a new
version, and every process loads the page again on its next POST. The version is read in the
same cache round trip as the rate limits (`VERSION_KEY`: portal.process_cache); the deadline is
checked at each signature (`CampaignPage.petition_is_open`), so it needs no new version.
"""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from campaigns.models import CampaignPage, source_campaign
from portal.process_cache import ProcessCache

PAGES = ProcessCache("campaigns:petition-pages:version", size=256)
VERSION_KEY = PAGES.version_key
version_from = PAGES.version_from
forget_all = PAGES.forget_all


def load(page_id):
    """The live, public campaign page `page_id` with a petition, and its campaign (the page in
    the default language, which holds the signatures); Http404 otherwise. One query for a
    French page: whether a view restriction is set on it or an ancestor (what
    `PageQuerySet.public()` excludes) is asked in it."""
    restricted = PageViewRestriction.objects.alias(
        campaign_path=ExpressionWrapper(OuterRef("path"), output_field=CharField()),
    ).filter(campaign_path__startswith=F("page__path"))
    page = get_object_or_404(
        CampaignPage.objects.live().select_related("locale")
        .alias(private=Exists(restricted)).filter(private=False),
        pk=page_id,
    )
    if not page.petition_enabled:
        raise Http404
    return page, source_campaign(page)


def petition_page(page_id, version):
    """(page, campaign) of `page_id` as `load()` gives them, loaded once per version."""
    return PAGES.get(page_id, version, lambda: load(page_id))


@receiver(post_save, sender=CampaignPage)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def petition_may_have_changed(sender, **kwargs):
    forget_all()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        forget_all()
