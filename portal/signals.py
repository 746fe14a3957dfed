"""Forget the shared navigation (menus, breadcrumbs, translations) when what it shows changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from portal.models import Menu, SiteSettings
from portal.navigation import navigation_changed


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
@receiver(post_delete)
def page_saved_or_deleted(sender, instance, **kwargs):
    """Any page saved (a draft too: rare enough) or deleted, whatever its type."""
    if isinstance(instance, Page):
        navigation_changed()
