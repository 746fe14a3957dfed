"""The check of a file a member uploads (a news post's attachment, a meeting's document): its
extension must be one we accept AND its content must be what the extension says (a renamed
program is refused). The type stored and served is the one of the extension, never the
browser's."""

import codecs
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

OPEN_DOCUMENT = "application/vnd.oasis.opendocument."
OFFICE = "application/vnd.openxmlformats-officedocument."
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "odt": OPEN_DOCUMENT + "text",
    "ods": OPEN_DOCUMENT + "spreadsheet",
    "odp": OPEN_DOCUMENT + "presentation",
    "docx": OFFICE + "wordprocessingml.document",
    "xlsx": OFFICE + "spreadsheetml.sheet",
    "pptx": OFFICE + "presentationml.presentation",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}
# The folder of an Office Open XML archive that holds the document itself.
OFFICE_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
SIGNATURES = {"pdf": b"%PDF-", "png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff",
              "jpeg": b"\xff\xd8\xff"}
ZIP_SIGNATURE = b"PK\x03\x04"


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def content_type_of(name):
    return CONTENT_TYPES[extension_of(name)]


def accepted_formats():
    """"pdf, odt, …": the extensions, for the messages and the form's help."""
    return ", ".join(CONTENT_TYPES)


def clean_filename(name):
    """The name as the member gave it, without characters that have no place in a header."""
    return "".join(character for character in name if character.isprintable()).strip()


def check(upload):
    """Raise ValidationError (a French message naming the file) unless `upload` is an
    accepted kind of file, within the size limit, whose content matches its extension."""
    name = clean_filename(upload.name)
    extension = extension_of(name)
    if extension not in CONTENT_TYPES:
        raise ValidationError(
            _("« %(name)s » : ce type de fichier n'est pas accepté (formats acceptés : "
              "%(formats)s).") % {"name": name, "formats": accepted_formats()},
            code="attachment_type",
        )
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("« %(name)s » pèse plus de %(size)s Mo : réduisez-le ou partagez-le "
              "autrement.") % {"name": name, "size": MAX_ATTACHMENT_BYTES // (1024 * 1024)},
            code="attachment_size",
        )
    try:
        matches = content_matches(upload, extension)
    finally:
        upload.seek(0)
    if not matches:
        raise ValidationError(
            _("« %(name)s » n'est pas un vrai fichier %(extension)s : son contenu ne "
              "correspond pas à son nom.") % {"name": name, "extension": extension.upper()},
            code="attachment_content",
        )


def content_matches(upload, extension):
    upload.seek(0)
    if extension in SIGNATURES:
        signature = SIGNATURES[extension]
        return upload.read(len(signature)) == signature
    if extension in ("txt", "csv"):
        return is_utf8_text(upload)
    if upload.read(len(ZIP_SIGNATURE)) != ZIP_SIGNATURE:
        return False
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            if extension in OFFICE_FOLDERS:
                names = archive.namelist()
                return "[Content_Types].xml" in names and any(
                    name.startswith(OFFICE_FOLDERS[extension]) for name in names
                )
            # An OpenDocument file starts with a "mimetype" entry that names its kind.
            info = archive.getinfo("mimetype")
            if info.file_size > 100:
                return False
            return archive.read(info).decode("ascii", "replace") == CONTENT_TYPES[extension]
    except (zipfile.BadZipFile, KeyError, RuntimeError, NotImplementedError, OSError):
        return False


def is_utf8_text(upload):
    """UTF-8 from end to end, and no NUL byte (which text never has, and binaries do)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in upload.chunks():
            if b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True
