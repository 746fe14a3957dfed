"""The extranet's menu in the admin: the accounts', the news', the groups' and the
governance's screens under one *Extranet* entry (each part defines its screens in its own
wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from extranet.accounts.wagtail_hooks import MembershipViewSet, RoleChangeViewSet
from extranet.governance.wagtail_hooks import GOVERNANCE_VIEWSETS
from extranet.groups.wagtail_hooks import GROUP_VIEWSETS
from extranet.news.wagtail_hooks import CategoryViewSet


class ExtranetViewSetGroup(SnippetViewSetGroup):
    items = (MembershipViewSet, RoleChangeViewSet, CategoryViewSet, *GROUP_VIEWSETS,
             *GOVERNANCE_VIEWSETS)
    menu_icon = "group"
    menu_label = _("Extranet")
    menu_order = 400


register_snippet(ExtranetViewSetGroup)
