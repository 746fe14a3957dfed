"""Forget the shared navigation (menus, breadcrumbs, translations) and the pages kept for
anonymous visitors (portal.page_cache) when what they show changes."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from portal import page_cache
from portal.models import Menu, SiteSettings
from portal.navigation import navigation_changed as forget_navigation

# Fields a page's draft changes without changing what visitors see (save_revision, autosave,
# locks): the navigation stays as it is.
DRAFT_FIELDS = frozenset({
    "draft_title", "latest_revision", "latest_revision_created_at", "has_unpublished_changes",
    "locked", "locked_at", "locked_by",
})


def navigation_changed():
    """Forget the navigation now, and again once the change is committed: a visitor between
    the two would rebuild it from the old data, under the new version."""
    forget_navigation()
    transaction.on_commit(forget_navigation)
    page_cache.invalidate()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    navigation_changed()


@receiver(post_save, sender=SiteSettings)
def site_settings_saved(sender, created, **kwargs):
    # Created empty on a site's first visit: nothing the navigation shows has changed yet.
    if not created:
        navigation_changed()


@receiver([post_save, post_delete], sender=Menu)
@receiver(post_delete, sender=SiteSettings)
@receiver([post_save, post_delete], sender=Site)
@receiver([post_save, post_delete], sender=Locale)
def navigation_source_changed(sender, **kwargs):
    navigation_changed()


@receiver(post_save)
def page_saved(sender, instance, update_fields=None, **kwargs):
    """A page saved, whatever its type, unless only its draft changed."""
    if isinstance(instance, Page) and not (update_fields and set(update_fields) <= DRAFT_FIELDS):
        navigation_changed()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        navigation_changed()


# What public pages show beyond the navigation: who may see a page, the images and documents.
page_cache.invalidate_on_change(PageViewRestriction, get_image_model(), get_document_model())


@receiver([post_save, post_delete], sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    """A page made private (or public again), and the pages under it, leave the CDN's cache
    too (`WAGTAILFRONTENDCACHE`): Wagtail purges a page on publication only. Once committed,
    as a background task (Wagtail's purge)."""
    if settings.WAGTAILFRONTENDCACHE:
        page_id = instance.page_id
        transaction.on_commit(lambda: purge_from_frontend_cache(page_id))


def purge_from_frontend_cache(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        batch = PurgeBatch()
        batch.add_pages(page.get_descendants(inclusive=True).live().specific())
        batch.purge()
