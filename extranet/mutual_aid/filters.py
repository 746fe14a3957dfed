"""The filters of the lists of posts.

- `PostFilterForm`, of the members' lists (the current posts and the archive): words of the
  title or the description, kind, category, commune and association, all in the address so
  that a filtered list can be shared and paged;
- `CategoryFilterForm`, of the offers' map (extranet) and of the public page of the offers:
  `?categorie=skills`; an unknown category shows every offer."""

from django import forms
from django.db.models import Q
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from directory.models import Association, Commune
from extranet.mutual_aid.models.posts import Category, Kind

NAMES = ("q", "kind", "category", "commune", "association")


class PostFilterForm(forms.Form):
    """Filters over `posts` (the list's posts before filtering): the communes and the
    associations offered are those of these posts (one query each)."""

    q = forms.CharField(label=_("Rechercher"), required=False, max_length=100,
                        help_text=_("Dans le titre et la description."))
    kind = forms.ChoiceField(label=_("Type"), required=False,
                             choices=[("", _("Offres et demandes")), *Kind.choices])
    category = forms.ChoiceField(label=_("Catégorie"), required=False,
                                 choices=[("", _("Toutes")), *Category.choices])
    commune = forms.ChoiceField(label=_("Commune"), required=False)
    association = forms.TypedChoiceField(label=_("Association"), required=False, coerce=int,
                                         empty_value=None)

    def __init__(self, data, posts):
        super().__init__(data)
        self.fields["commune"].choices = [("", _("Toutes")), *(
            Commune.objects.filter(pk__in=posts.order_by().values("commune_id"))
            .order_by("name", "code").values_list("code", "name"))]
        self.fields["association"].choices = [("", _("Toutes")), *(
            Association.objects.filter(pk__in=posts.order_by().values("association_id"))
            .order_by("name", "pk").values_list("pk", "name"))]

    def filter(self, posts):
        """The posts the valid filters keep (an invalid filter is ignored, its error
        shown)."""
        self.is_valid()
        data = self.cleaned_data
        words = data.get("q", "").split()
        for word in words:
            posts = posts.filter(Q(title__icontains=word) | Q(description__icontains=word))
        if data.get("kind"):
            posts = posts.filter(kind=data["kind"])
        if data.get("category"):
            posts = posts.filter(category=data["category"])
        if data.get("commune"):
            posts = posts.filter(commune__code=data["commune"])
        if data.get("association"):
            posts = posts.filter(association_id=data["association"])
        return posts

    def query_string(self):
        """The valid filters, for the pagination's links."""
        data = getattr(self, "cleaned_data", {})
        return urlencode({name: data[name] for name in NAMES if data.get(name)})


class CategoryFilterForm(forms.Form):
    categorie = forms.ChoiceField(
        label=_("Catégorie"), required=False,
        choices=[("", _("Toutes les catégories")), *Category.choices],
    )

    def category(self):
        """The category asked for, or "" for all (and for an unknown one)."""
        return self.cleaned_data["categorie"] if self.is_valid() else ""

    def category_label(self):
        category = self.category()
        return Category(category).label if category else ""

    def filter(self, posts):
        category = self.category()
        return posts.filter(category=category) if category else posts

    def query_string(self):
        category = self.category()
        return f"categorie={category}" if category else ""
