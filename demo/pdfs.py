"""The demo's PDF documents, written at seed time (fpdf2): a title, the collective's name, then
headings and paragraphs. Helvetica, one of the PDF's own fonts, writes Latin-1 (French
accents, « », ·); the few characters beyond it are replaced by their plain equivalents."""

import datetime

from fpdf import FPDF

PLAIN = str.maketrans({
    "’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "…": "...", "œ": "oe",
    "Œ": "OE", "€": "euros", "\u202f": " ", "\u2009": " ",
})
TEAL = (11, 85, 99)


def latin(text):
    return text.translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def document(title, collective, sections, subtitle="", on=None):
    """The bytes of a PDF: `title` under `collective`'s name, an optional `subtitle`, then
    `sections`, a list of (heading, paragraphs) where paragraphs are separated by blank
    lines; `on` (a date) is written at the end."""
    pdf = FPDF(format="A4")
    pdf.set_title(latin(title))
    pdf.set_author(latin(collective))
    pdf.set_creator("seed_demo")
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_text_color(*TEAL)
    pdf.cell(0, 6, latin(collective), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", style="B", size=18)
    pdf.set_text_color(20, 20, 20)
    pdf.multi_cell(0, 9, latin(title), new_x="LMARGIN", new_y="NEXT")
    if subtitle:
        pdf.set_font("Helvetica", style="I", size=11)
        pdf.multi_cell(0, 6, latin(subtitle), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for heading, text in sections:
        pdf.set_font("Helvetica", style="B", size=12)
        pdf.set_text_color(*TEAL)
        pdf.multi_cell(0, 7, latin(heading), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.set_text_color(20, 20, 20)
        for paragraph in text.split("\n\n"):
            pdf.multi_cell(0, 5.5, latin(" ".join(paragraph.split())), new_x="LMARGIN",
                           new_y="NEXT")
            pdf.ln(2)
        pdf.ln(2)
    if on is not None:
        pdf.set_font("Helvetica", style="I", size=10)
        pdf.cell(0, 6, latin(f"Chelles, le {french_date(on)}"), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


def french_date(day: datetime.date):
    return f"{day.day}{'er' if day.day == 1 else ''} {MONTHS[day.month - 1]} {day.year}"
