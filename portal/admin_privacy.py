"""Records holding personal data (the models declared in portal/personal_data.py) are seen in
the admin only by those who hold a permission on their model, whatever the screen.

Wagtail's own listing, inspect, history, usage and export screens check the model's
permissions already, and so does the Django admin. What does not, and is closed here:

- the snippet choosers (choose, its results, chosen, chosen multiple, create): every snippet
  viewset of the project is a `SnippetViewSet` of this module, whose chooser asks what
  Wagtail's listing asks (a permission on the model) before showing a record that holds
  personal data;
- wagtail-localize's snippet API (`/admin/localize/api/snippets/<app>/<model>/`), used by its
  translation editor, which lists any snippet model's records to anyone in the admin;
- the bulk actions' confirmation screens (`/admin/bulk/<app>/<model>/<action>/?id=…`), which
  name the chosen records even to whom may not act on them.

The last two are Wagtail and wagtail-localize routes that take the model from the URL: the
project's URL conf (home/urls.py) puts `urlpatterns` below in front of them.

Models that hold no personal data (associations, officials, themes, venues…) keep Wagtail's
open choosers: editors pick them in the pages they write.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.bulk_action import index as bulk_action
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet as WagtailSnippetViewSet
from wagtail_localize.views import snippets_api

from portal.personal_data import holds_personal_data

# What Wagtail's listing of a model asks (IndexView.any_permission_required).
SEE_RECORDS = ["add", "change", "delete", "view"]


def may_see_records(user, model):
    """Whether `user` may see the records of `model` in the admin: anybody for a model that
    holds no personal data (Wagtail's choosers are open), a permission on the model
    otherwise (that of Wagtail's listing)."""
    if not holds_personal_data(model):
        return True
    policy = policy_registry.get_by_type(model) or ModelPermissionPolicy(model)
    return policy.user_has_any_permission(user, SEE_RECORDS)


class PersonalDataCheckMixin:
    """A chooser view that refuses who may not see the model's records (as Wagtail refuses
    its other screens: back to the dashboard, with a message)."""

    def dispatch(self, request, *args, **kwargs):
        if not may_see_records(request.user, self.model_class):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseView(PersonalDataCheckMixin, chooser.ChooseView):
    pass


class ChooseResultsView(PersonalDataCheckMixin, chooser.ChooseResultsView):
    pass


class ChosenView(PersonalDataCheckMixin, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(PersonalDataCheckMixin, chooser.SnippetChosenMultipleView):
    pass


class CreateView(PersonalDataCheckMixin, chooser.SnippetCreateView):
    pass


class SnippetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView


class SnippetViewSet(WagtailSnippetViewSet):
    """Wagtail's snippet viewset whose chooser checks who sees records of personal data: the
    one every snippet of the project uses (tests/portal/test_admin_personal_data.py tries
    every admin route on each model that holds personal data)."""

    chooser_viewset_class = SnippetChooserViewSet


def checked_model_view(view):
    """`view`, which takes the model from the URL (app_label, model_name), refused to whom
    may not see its records (and, like every admin screen, to whom may not enter the
    admin)."""

    def checked(request, app_label, model_name, *args, **kwargs):
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            model = None
        if model is not None and not may_see_records(request.user, model):
            raise PermissionDenied
        return view(request, app_label, model_name, *args, **kwargs)

    return require_admin_access(checked)


localize_listing = snippets_api.SnippetViewSet.as_view({"get": "list"})
localize_detail = snippets_api.SnippetViewSet.as_view({"get": "retrieve"})


def checked_localize_listing(request, app_label, model_name):
    return localize_listing(request, app_label=app_label, model_name=model_name)


def checked_localize_detail(request, app_label, model_name, pk):
    return localize_detail(request, app_label=app_label, model_name=model_name, pk=pk)


def checked_bulk_action(request, app_label, model_name, action):
    return bulk_action(request, app_label, model_name, action)


# In front of the admin's own routes (home/urls.py): same addresses, checked first.
urlpatterns = [
    path("admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/",
         checked_model_view(checked_localize_listing)),
    path("admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
         checked_model_view(checked_localize_detail)),
    path("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",
         checked_model_view(checked_bulk_action)),
]
