"""Finding documents: the live documents of the folders a person reads, through Wagtail's
search (the database backend: PostgreSQL's full-text search with the French configuration,
so « association » finds « associations »; plain matching on SQLite) over titles,
descriptions, tags and the text inside the files."""

from wagtail.search.backends import get_search_backend

from extranet.documents.models import Document
from extranet.documents.permissions import readable_folder_ids

RECENT = 5


def readable_documents(user):
    return Document.objects.live().filter(folder_id__in=readable_folder_ids(user))


def find(user, form):
    """The documents matching the search form (`SearchForm`): by relevance when there are
    words to look for, the latest first otherwise."""
    documents = form.filter(readable_documents(user)).select_related(
        "folder", "owner_association")
    words = form.data_or_empty.get("q")
    if not words:
        return documents.order_by("-updated_at", "-pk")
    return get_search_backend().search(words, documents.order_by())


def recent_for(user, limit=RECENT):
    """The latest documents added or updated in the folders the person reads."""
    return list(readable_documents(user).select_related("folder", "owner_association").order_by(
        "-updated_at", "-pk")[:limit])
