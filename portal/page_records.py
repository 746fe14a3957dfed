"""Pages that hold records are kept: a page whose records (a campaign's signatures, an
event's registrations) would be lost with it is not deleted from the admin, nor is a page
above it; the editor is sent back to the page with a message that says why, and unpublishes
it instead (the database refuses the deletion anyway, with an error page).

An app says which of its pages hold records, in its `wagtail_hooks.py`:

    keep_pages_with_records(EventPage, Registration.objects, "event", KEEP_MESSAGE)

which registers the `before_delete_page` hook that refuses the deletion.
"""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks


def holds_records(page, page_model, records, page_field):
    """Whether `page` is, or contains, a page of `page_model` that one of `records` (a
    manager or queryset) points to through `page_field`."""
    pages = page_model.objects.descendant_of(page, inclusive=True)
    return records.filter(**{f"{page_field}__in": pages}).exists()


def keep_pages_with_records(page_model, records, page_field, message):
    """Register the hook that refuses to delete a page holding records; `message` has a
    `%(title)s` for the page's title. Returns the hook."""

    def keep_pages_holding_records(request, page):
        if holds_records(page, page_model, records, page_field):
            messages.error(request, message % {"title": page.title})
            return redirect("wagtailadmin_pages:edit", page.pk)
        return None

    keep_pages_holding_records.__name__ = f"keep_{page_model._meta.model_name}_with_records"
    hooks.register("before_delete_page", keep_pages_holding_records)
    return keep_pages_holding_records
