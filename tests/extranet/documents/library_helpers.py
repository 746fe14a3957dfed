"""What the library's behaviour tests share: files of each kind written in the test (an
OpenDocument text, an Office Open XML text, plain text) and a signed-in client."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from portal.uploads import CONTENT_TYPES

ODT_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
    "<office:body><office:text>{paragraphs}</office:text></office:body>"
    "</office:document-content>"
)
ODT_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    ' manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
DOCX_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>{paragraphs}</w:body></w:document>"
)
DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def odt_bytes(*paragraphs):
    """A minimal valid OpenDocument text: a stored "mimetype" first, then its manifest and
    its content.xml with one paragraph per line."""
    mimetype = CONTENT_TYPES["odt"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # Every entry dated 1980 (ZipInfo's default), not now: the same paragraphs make the
        # same bytes whenever they are written (a test compares two of them).
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype,
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr(zipfile.ZipInfo("META-INF/manifest.xml"),
                         ODT_MANIFEST.format(mimetype=mimetype),
                         compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo("content.xml"), ODT_CONTENT.format(paragraphs="".join(
            f"<text:p>{paragraph}</text:p>" for paragraph in paragraphs)),
            compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def docx_bytes(*paragraphs):
    """A minimal Office Open XML text: [Content_Types].xml and word/document.xml."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr("word/document.xml", DOCX_CONTENT.format(paragraphs="".join(
            f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>" for paragraph in paragraphs)))
    return buffer.getvalue()


def upload(name, content):
    """A file as a browser sends it, its type the one its extension says."""
    return SimpleUploadedFile(name, content, content_type=CONTENT_TYPES[name.rsplit(".")[-1]])


def odt_upload(name="document.odt", *paragraphs):
    return upload(name, odt_bytes(*paragraphs))


def txt_upload(name="notes.txt", text="Notes du collectif"):
    return upload(name, text.encode())


def signed_in(client, person):
    client.force_login(person)
    return client
