from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200
# Characters the full-text engines read as syntax (SQLite FTS5 quotes, PostgreSQL tsquery).
SEARCH_SYNTAX = str.maketrans(dict.fromkeys('"*()[]{}<>:^~&|!\\', " "))


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Mots recherchés"), required=False, strip=True)
    page = forms.IntegerField(required=False, min_value=1)

    def clean_q(self):
        # Cut rather than refuse a long query; drop what the search engines would parse.
        query = self.cleaned_data["q"][:MAX_QUERY_LENGTH].translate(SEARCH_SYNTAX)
        return " ".join(query.split())
