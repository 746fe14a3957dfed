"""What a post may carry as attachments: at most MAX_ATTACHMENTS files, each checked by
portal.uploads (the kinds of files accepted, their size, a content that matches the
extension), shared with the other parts that take files."""

from portal.uploads import (  # noqa: F401 - the checks, shared with the other parts
    CONTENT_TYPES,
    MAX_ATTACHMENT_BYTES,
    accepted_formats,
    check,
    clean_filename,
    content_type_of,
    extension_of,
)

MAX_ATTACHMENTS = 5  # per post
