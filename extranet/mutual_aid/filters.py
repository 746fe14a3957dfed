"""The category filter of the offers' map (extranet) and of the public page of the offers:
`?categorie=skills`; an unknown category shows every offer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from extranet.mutual_aid.models.posts import Category


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
