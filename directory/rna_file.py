"""Reading the national register of associations (RNA, "Waldec" file) as the State publishes
it: 39 columns named in its header, `;` between fields (detected), UTF-8 (with or without BOM)
or Latin-1/Windows-1252 (detected), quoted fields that may hold the separator or line breaks,
`0001-01-01` for "no date". The file is streamed row by row."""

import codecs
import csv
import datetime
import io
from pathlib import Path

from django.core.validators import URLValidator
from django.utils.translation import gettext as _

# The columns of the Waldec file, in the order the State publishes them.
WALDEC_COLUMNS = [
    "id", "id_ex", "siret", "rup_mi", "gestion", "date_creat", "date_decla", "date_publi",
    "date_disso", "nature", "groupement", "titre", "titre_court", "objet", "objet_social1",
    "objet_social2", "adrs_complement", "adrs_numvoie", "adrs_repetition", "adrs_typevoie",
    "adrs_libvoie", "adrs_distrib", "adrs_codeinsee", "adrs_codepostal", "adrs_libcommune",
    "adrg_declarant", "adrg_complemid", "adrg_complemgeo", "adrg_libvoie", "adrg_distrib",
    "adrg_codepostal", "adrg_achemine", "adrg_pays", "dir_civilite", "siteweb", "publiweb",
    "observation", "position", "maj_time",
]
REQUIRED_COLUMNS = [
    "id", "siret", "date_creat", "date_disso", "groupement", "titre", "titre_court", "objet",
    "objet_social1", "objet_social2", "adrs_numvoie", "adrs_repetition", "adrs_typevoie",
    "adrs_libvoie", "adrs_complement", "adrs_distrib", "adrs_codeinsee", "adrs_codepostal",
    "siteweb", "position", "maj_time",
]
NO_DATE = "0001-01-01"
LATIN_FALLBACK = "latin1-fallback"


def _latin1_fallback(error):
    # Bytes that Windows-1252 leaves undefined are read as Latin-1.
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(LATIN_FALLBACK, _latin1_fallback)


class RnaFileError(Exception):
    """The file cannot be read as an RNA Waldec file at all (or cannot be imported now)."""


def sniff_encoding(path):
    """UTF-8 (with or without BOM) when the whole file decodes as such, else Latin-1.

    The whole file, in chunks: a Latin-1 file may have its first accent after millions of
    plain ASCII bytes, and guessing from the start would fail halfway through the import.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as file:
        first = file.read(1 << 20)
        if first.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        chunk = first
        try:
            while chunk:
                decoder.decode(chunk, final=False)
                chunk = file.read(1 << 20)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "latin-1"
    return "utf-8"


def sniff_delimiter(header_line):
    counts = {delimiter: header_line.count(delimiter) for delimiter in (";", ",", "\t", "|")}
    return max(counts, key=counts.get)


def parse_date(value):
    value = (value or "").strip()
    if not value or value.startswith(NO_DATE):
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return datetime.datetime.strptime(value[:10], "%d/%m/%Y").date()
    except ValueError as error:
        raise ValueError(value) from error


def update_time(value):
    """The register's last update of a row (`maj_time`), comparable; the oldest possible
    when it is empty or unreadable."""
    value = (value or "").strip()
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.datetime.strptime(value[:10], "%d/%m/%Y")
    except ValueError:
        return datetime.datetime.min


_url_validator = URLValidator(schemes=["http", "https"])


def clean_website(value):
    value = (value or "").strip()
    if not value:
        return ""
    if "://" not in value:
        value = f"http://{value}"
    _url_validator(value)
    return value[:200]


def join(*parts):
    return " ".join(part.strip() for part in parts if part and part.strip())


class WaldecReader:
    """Streams the rows of a Waldec file as dicts, with the line where each record starts."""

    def __init__(self, path, encoding=None):
        self.path = Path(path)
        self.encoding = encoding or sniff_encoding(self.path)
        self.raw = open(self.path, "rb")  # noqa: SIM115 - closed by close()
        if self.encoding == "latin-1":
            text = io.TextIOWrapper(self.raw, encoding="cp1252", errors=LATIN_FALLBACK,
                                    newline="")
        else:
            text = io.TextIOWrapper(self.raw, encoding=self.encoding, newline="")
        self.text = text
        header_line = text.readline()
        self.delimiter = sniff_delimiter(header_line)
        self.header = [
            name.strip().strip('"').lower()
            for name in next(csv.reader([header_line], delimiter=self.delimiter))
        ]
        missing = [name for name in REQUIRED_COLUMNS if name not in self.header]
        if missing:
            self.close()
            raise RnaFileError(
                _("Ce n'est pas un fichier RNA Waldec : colonnes absentes (%(columns)s).")
                % {"columns": ", ".join(missing)}
            )
        self.size = max(self.path.stat().st_size, 1)

    @property
    def display_encoding(self):
        return {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "latin-1": "Latin-1"}[self.encoding]

    def progress(self):
        return min(self.raw.tell() / self.size, 1.0)

    def __iter__(self):
        reader = csv.reader(self.text, delimiter=self.delimiter)
        line = 2  # the header is line 1
        width = len(self.header)
        for record in reader:
            start, line = line, reader.line_num + 2
            if not record or record == [""]:
                continue
            if len(record) != width:
                yield start, None, len(record)
            else:
                yield start, dict(zip(self.header, record, strict=True)), width

    def columns(self, *names):
        """(line, values of `names`) of each row of the right width, without making dicts:
        the quick first pass of the import."""
        reader = csv.reader(self.text, delimiter=self.delimiter)
        indexes = [self.header.index(name) for name in names]
        line = 2
        width = len(self.header)
        for record in reader:
            start, line = line, reader.line_num + 2
            if len(record) == width:
                yield start, [record[index] for index in indexes]

    def close(self):
        self.raw.close()
