"""The library's documents cited elsewhere: a body's meeting, a proposal, a news post links
to documents of the library (their `library_documents`). The parts above the documents use
this module to save a choice and to show a reader what they may read.

- `relink(links, chosen, by)`: the links become `chosen` (checked by the form: documents `by`
  reads), and those `by` is not shown (a folder they do not read, the bin) stay: nobody
  removes a link they cannot see.
- `for_reader(user, documents)`: of the linked documents (prefetched with `prefetch()`), those
  `user` reads, and how many others are live but kept for other readers; binned documents
  are neither shown nor counted. `shown(user, links)` does it for one page's links, in one
  query (and the one, per request, of the folders the user reads).
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from extranet.documents.models import Document
from extranet.documents.permissions import readable_folder_ids
from extranet.documents.search import readable_documents

ATTRIBUTE = "library_documents"


def prefetch(attribute=ATTRIBUTE):
    """The live linked documents with their folder, in one query for any number of rows."""
    return Prefetch(attribute, queryset=Document.objects.live().select_related("folder")
                    .defer("text")
                    .order_by("title", "pk"))


@dataclass(frozen=True)
class Links:
    readable: list = field(default_factory=list)  # the documents shown, by title
    reserved: int = 0  # live documents the reader may not read: counted, never named

    def __bool__(self):
        return bool(self.readable or self.reserved)


def for_reader(user, documents):
    """What `user` is shown of `documents` (an iterable, prefetched or not)."""
    live = [document for document in documents if not document.in_bin]
    if not live:
        return Links()
    folders = readable_folder_ids(user)
    readable = [document for document in live if document.folder_id in folders]
    return Links(sorted(readable, key=lambda document: (document.title.lower(), document.pk)),
                 len(live) - len(readable))


def shown(user, links):
    """What `user` is shown of one page's related manager `links`."""
    return for_reader(user, links.live().select_related("folder").defer("text"))


def relink(links, chosen, by):
    """Set the related manager `links` to `chosen`, keeping the links `by` does not see."""
    unseen = list(links.exclude(pk__in=readable_documents(by).values("pk"))
                  .values_list("pk", flat=True))
    links.set([*chosen, *unseen])
