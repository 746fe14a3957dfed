"""What a post may carry as attachments. The check of each uploaded file is portal.uploads'
(shared with the governance's meeting documents); its names are kept here for the news."""

from portal.uploads import (  # noqa: F401
    CONTENT_TYPES,
    MAX_ATTACHMENT_BYTES,
    OFFICE_FOLDERS,
    SIGNATURES,
    ZIP_SIGNATURE,
    accepted_formats,
    check,
    clean_filename,
    content_matches,
    content_type_of,
    extension_of,
    is_utf8_text,
)

MAX_ATTACHMENTS = 5  # per post
