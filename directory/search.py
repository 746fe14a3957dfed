"""Full-text search over associations.

Each association keeps a `search_document`: its name, short name, social object and
description, lower-cased and without accents. On PostgreSQL it is searched with the French
full-text configuration (stemming: "jardins" finds "jardin") through a stored tsvector column
and its GIN index (migration 0006); on SQLite,
every word of the query must appear in it. Accents never matter ("fetes" finds "fêtes").
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models.expressions import RawSQL

WORD = re.compile(r"[a-z0-9]+")
CONFIG = "french"
MAX_WORDS = 8


def normalize(text):
    """Lower case, no accents, words only: 'Comité des Fêtes !' -> 'comite des fetes'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(WORD.findall(plain.lower().replace("œ", "oe").replace("æ", "ae")))


def name_initial(name):
    """The letter a name is filed under in the A-Z list: 'École' -> 'E', '1, 2, 3 Soleil' -> '0'
    (every name that does not start with a letter)."""
    first = normalize(name)[:1].upper()
    return first if "A" <= first <= "Z" else "0"


def search_document(*parts):
    return normalize(" ".join(part for part in parts if part))


def search(queryset, query):
    """The associations of `queryset` matching `query`, best matches first on PostgreSQL."""
    words = normalize(query)
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        # The stored, indexed vector of migration 0006 (unknown to the model).
        vector = RawSQL(  # noqa: S611 - a fixed column name, no user input
            f'"{queryset.model._meta.db_table}"."search_vector"', [],
            output_field=SearchVectorField(),
        )
        search_query = SearchQuery(words, config=CONFIG, search_type="plain")
        return (
            queryset.annotate(search=vector)
            .filter(search=search_query)
            .annotate(rank=SearchRank(vector, search_query))
            .order_by("-rank", "name")
        )
    # One LIKE scan per word: keep the words that carry meaning, and not too many.
    for word in [word for word in words.split() if len(word) > 1][:MAX_WORDS]:
        queryset = queryset.filter(search_document__contains=word)
    return queryset
