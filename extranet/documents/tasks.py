"""Background work of the library: reading the text inside a new version, for the search."""

from django_tasks import task

from extranet.documents.models import DocumentVersion
from extranet.documents.text import text_of


@task()
def read_text(version_id):
    """Read the version's text into its document, if it is still the document's latest."""
    version = DocumentVersion.objects.select_related("document").filter(pk=version_id).first()
    if version is None:
        return 0
    document = version.document
    if document.versions.filter(number__gt=version.number).exists():
        return 0
    extension = version.filename.rsplit(".", 1)[-1].lower()
    with version.file.open("rb") as handle:
        text = text_of(handle, extension)
    document.text = text
    # A save (not an update) so that Wagtail's search index reads the new text.
    document.save(update_fields=["text"])
    return len(text)
