"""On the admin's home page, what waits for a moderator: one panel per kind (join requests,
changes proposed to an association's record, comments of signers), each saying how many
wait and linking to the list of them, shown only to those who decide and only when
something waits.

Every panel is the same component and template; an app registers its own kind, in its
`wagtail_hooks.py`:

    register_pending_items(
        name="joining_pending_requests", order=80, title=_("Demandes d'adhésion"),
        count=waiting_requests,          # user -> how many wait for them (0/None: no panel)
        message=lambda count: ngettext("…", "…", count) % {"counter": count},
        link_text=_("Les examiner"), url=lambda: reverse(...),
    )
"""

from wagtail import hooks
from wagtail.admin.ui.components import Component


class PendingItemsPanel(Component):
    template_name = "portal/admin/pending_items_panel.html"

    def __init__(self, name, order, title, message, link_text, url):
        self.name = name
        self.order = order
        self.title = title
        self.message = message
        self.link_text = link_text
        self.url = url

    def get_context_data(self, parent_context=None):
        return {
            "title_id": self.name.replace("_", "-") + "-title",
            "title": self.title,
            "message": self.message,
            "link_text": self.link_text,
            "url": self.url,
        }


def register_pending_items(*, name, order, title, count, message, link_text, url):
    """Register the home page panel of one kind of pending items: `count(user)` says how
    many wait for that user (0 or None when there are none, or when deciding is not theirs),
    `message(count)` the sentence that says so, `url()` where they are listed. Returns the
    hook."""

    def add_pending_items_panel(request, panels):
        waiting = count(request.user)
        if waiting:
            panels.append(
                PendingItemsPanel(name, order, title, message(waiting), link_text, url())
            )

    add_pending_items_panel.__name__ = f"add_{name}_panel"
    hooks.register("construct_homepage_panels", add_pending_items_panel)
    return add_pending_items_panel
