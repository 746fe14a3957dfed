"""The confirmation page of the admin's bulk actions on records (attendance and cancellation
of registrations, moderation of signers' comments): one template for all,
`portal/admin/confirm_bulk_action.html`, under the action's title.

It lists the chosen items under the action's `question`, each as its label with its details
in brackets and, where there is one, a quoted text (a comment) or a note; then those the
person may not act on, under `no_access_text`; then the action's form fields, if it has a
form, and its two buttons.
"""

from django.utils.translation import gettext_lazy as _


class ConfirmedBulkAction:
    """Mixed into a Wagtail bulk action (before its base class) to confirm it on the shared
    page; a subclass says what to show of each item (`item_label`, `item_details`,
    `item_quote`, `item_note`)."""

    template_name = "portal/admin/confirm_bulk_action.html"
    confirmation_title = None  # the action's `display_name` when not set
    question = ""
    no_access_text = ""
    action_button_text = _("Oui, confirmer")
    no_action_button_text = _("Non, revenir à la liste")

    def item_label(self, obj):
        return str(obj)

    def item_details(self, obj):
        return []

    def item_quote(self, obj):
        return ""

    def item_note(self, obj):
        return ""

    def object_context(self, obj):
        return {
            **super().object_context(obj),
            "label": self.item_label(obj),
            "details": self.item_details(obj),
            "quote": self.item_quote(obj),
            "note": self.item_note(obj),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {
            **context,
            "confirmation_title": self.confirmation_title or self.display_name,
            "question": self.question,
            "no_access_text": self.no_access_text,
            "no_access_labels": [
                self.item_label(obj) for obj in context.get("items_with_no_access", [])
            ],
            "action_button_text": self.action_button_text,
            "no_action_button_text": self.no_action_button_text,
        }
