"""What the admin says after a reviewer acts on a page in moderation. Wagtail says « La page
… a été mise à jour » whatever the action; a reviewer who approved wants to read that the page
was approved, and published when their approval ended its workflow."""

from django.contrib import messages
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from wagtail import hooks

APPROVE = "approve"
# Wagtail's own words after an edit (its catalogue translates them; kept out of ours).
WAGTAIL_UPDATED = "Page '%(page_title)s' has been updated."


def said_after_approval(page):
    if page.live and not page.has_unpublished_changes:
        return _("La page « %(title)s » est approuvée et publiée.") % {
            "title": page.get_admin_display_title()}
    return _("La page « %(title)s » est approuvée : elle passe à l'étape suivante de la "
             "relecture.") % {"title": page.get_admin_display_title()}


@hooks.register("after_edit_page")
def say_what_an_approval_did(request, page):
    if request.method != "POST" or request.POST.get("workflow-action-name") != APPROVE:
        return
    page.refresh_from_db(fields=["live", "has_unpublished_changes"])
    updated = gettext(WAGTAIL_UPDATED) % {"page_title": page.get_admin_display_title()}
    # Reading the queued messages empties the queue: the others go back in, in their order.
    # Wagtail's message is rendered by a template: the title in it is escaped.
    kept = [message for message in messages.get_messages(request)
            if not str(message.message).strip().startswith(escape(updated))]
    for message in kept:
        messages.add_message(request, message.level, message.message,
                             extra_tags=message.extra_tags)
    messages.success(request, said_after_approval(page))
