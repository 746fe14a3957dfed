"""The words inside a file, for the search: PDF (pypdf), OpenDocument and Office Open XML
(their XML, read with defusedxml), plain text and CSV. At most MAX_CHARACTERS are kept and
at most MAX_PAGES pages of a PDF are read: enough to find a document by what it says. A
file that cannot be read gives no text (the search still has its title, description and
tags)."""

import io
import logging
import zipfile

from defusedxml import ElementTree
from pypdf import PdfReader

logger = logging.getLogger(__name__)

MAX_CHARACTERS = 200_000
MAX_PAGES = 200
MAX_XML_BYTES = 20 * 1024 * 1024
# Where the text is, in each kind of zipped XML document.
XML_PARTS = {"odt": "content.xml", "ods": "content.xml", "odp": "content.xml",
             "docx": "word/document.xml", "pptx": None, "xlsx": "xl/sharedStrings.xml"}
# The elements (by their local name) that end a word: paragraphs and headings, cells and
# shared strings, spaces, tabs and line breaks (OpenDocument, then Office Open XML).
WORD_BREAKS = {"p", "h", "s", "tab", "line-break", "table-cell", "br", "cr", "tc", "si"}


def text_of(handle, extension):
    """The text of the file open in `handle` (binary), "" when there is none to read."""
    try:
        if extension == "pdf":
            return _pdf(handle)
        if extension in ("txt", "csv"):
            return handle.read(MAX_CHARACTERS * 4).decode("utf-8", "replace")[:MAX_CHARACTERS]
        if extension in XML_PARTS:
            return _zipped_xml(handle, extension)
    except Exception:  # a damaged or hostile file: no text, and say so in the logs
        logger.warning("Could not read the text of a .%s file", extension, exc_info=True)
    return ""


def _pdf(handle):
    reader = PdfReader(io.BytesIO(handle.read()))
    parts, length = [], 0
    for page in reader.pages[:MAX_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length >= MAX_CHARACTERS:
            break
    return "\n".join(parts)[:MAX_CHARACTERS]


def _zipped_xml(handle, extension):
    with zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        names = [XML_PARTS[extension]] if XML_PARTS[extension] else sorted(
            name for name in archive.namelist()
            if name.startswith("ppt/slides/slide") and name.endswith(".xml"))
        parts = []
        for name in names:
            info = archive.getinfo(name)
            if info.file_size > MAX_XML_BYTES:
                continue
            parts.append(_words(ElementTree.fromstring(archive.read(info))))
        return "\n".join(parts)[:MAX_CHARACTERS]


def _words(root):
    """The text of an XML part, its words kept whole: a word processor splits a word in
    several runs or styled spans (« Tré<span>sorerie</span> »), and only paragraphs, cells,
    spaces, tabs and line breaks separate words."""
    pieces = []

    def walk(element):
        breaks = element.tag.rsplit("}", 1)[-1] in WORD_BREAKS
        pieces.append(" " if breaks else "")
        pieces.append(element.text or "")
        for child in element:
            walk(child)
        pieces.append(" " if breaks else "")
        pieces.append(element.tail or "")

    walk(root)
    return " ".join("".join(pieces).split())
