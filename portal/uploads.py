"""Files that members upload (news attachments, proposals' attachments): which kinds we
accept, and the check of each uploaded file: its extension must be one we accept AND its
content must be what the extension says (a renamed program is refused). The type stored and
served is the one of the extension, never the browser's. Also the form field that takes
several files at once, and the response that serves a private file to whoever may read it."""

import codecs
import math
import zipfile

from django import forms
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils import formats
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


# Characters with a meaning for a file system or a shell, replaced in the names kept.
UNSAFE_CHARACTERS = set('/\\:*?"<>|')
MAX_FILENAME_LENGTH = 150


def clean_filename(name):
    """The name as the member gave it, fit to be offered back in a download: no folder
    part, no control character nor one with a meaning for a file system, no leading dot
    (a hidden file), spaces collapsed, at most MAX_FILENAME_LENGTH characters with its
    extension kept. The stored file gets a name nobody can guess anyway."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        "_" if character in UNSAFE_CHARACTERS else character
        for character in name if character.isprintable()
    )
    name = " ".join(name.split()).lstrip(". ")
    if len(name) > MAX_FILENAME_LENGTH:
        stem, dot, extension = name.rpartition(".")
        if dot and len(extension) <= 10:
            name = stem[: MAX_FILENAME_LENGTH - len(extension) - 1].rstrip() + "." + extension
        else:
            name = name[:MAX_FILENAME_LENGTH]
    return name or "fichier"


def check(upload, max_bytes=MAX_ATTACHMENT_BYTES):
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
    if upload.size > max_bytes:
        raise ValidationError(
            _("« %(name)s » pèse %(actual)s Mo, plus que les %(size)s Mo acceptés : "
              "réduisez-le (un PDF compressé, des images moins lourdes) ou partagez-le "
              "autrement.") % {"name": name, "actual": megabytes(upload.size),
                               "size": megabytes(max_bytes)},
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


def megabytes(size):
    """"10", "2,5": a size in megabytes as a person reads it, rounded up (a file just over
    the limit reads "10,1", not "10")."""
    value = math.ceil(size * 10 / (1024 * 1024)) / 10
    return formats.number_format(value, decimal_pos=0 if value == int(value) else 1)


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


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documentation, "Uploading multiple files"):
    cleans to a list, empty when nothing was chosen."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={
            "accept": ",".join(f".{extension}" for extension in CONTENT_TYPES),
        }))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_file_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_file_clean(item, initial) for item in data if item]
        return [single_file_clean(data, initial)] if data else []


def check_each(uploads):
    """`check` every upload; raise one ValidationError listing every refused file."""
    errors = []
    for upload in uploads:
        try:
            check(upload)
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return uploads


def private_download(field_file, filename, content_type):
    """The file, under its original name and the type checked when it was added; never shown
    in the browser's window (nosniff, as an attachment), never kept in a shared cache. The
    caller has checked who asks."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, as_attachment=True, filename=filename,
                            content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
