"""Documents added as members add them (library.add_document with a real PDF), the text of
each read by the background task, and the search index's updates run by the worker."""

import io
import logging
import random
import time

from benchmarks.library.timing import figures
from benchmarks.library.volumes import PREFIX, weighted_words

PDF_BYTES = 200 * 1024


def sample_pdf():
    """A real PDF of about 200 KB: 12 pages of French text and a photograph (random pixels,
    compressed as a JPEG would not compress them better)."""
    from fpdf import FPDF
    from PIL import Image

    rng = random.Random(7)  # noqa: S311 - words to read, not secrets
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for _page in range(12):
        pdf.add_page()
        pdf.multi_cell(0, 6, " ".join(weighted_words(rng, 450)).encode(
            "latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
    side = 360
    while True:
        image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
        photo = io.BytesIO()
        image.save(photo, "JPEG", quality=60)
        if len(photo.getvalue()) > PDF_BYTES - 40_000:
            break
        side += 20
    pdf.add_page()
    pdf.image(photo, w=150)
    return bytes(pdf.output())


def time_adds(count, member, folder):
    """`count` documents added through the library's service, then their text read by the
    background task, then the search index's updates run by the worker."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from directory.models import Association
    from extranet.documents import library
    from extranet.documents.models import Document

    content = sample_pdf()
    association = Association.objects.filter(name__startswith=PREFIX).order_by("pk").first()
    DBTaskResult.objects.all().delete()
    adds, documents = [], []
    started = time.perf_counter()
    for number in range(count):
        before = time.perf_counter()
        documents.append(library.add_document(
            folder=folder, title=f"Ajout du banc d'essai {number}", owner_association=association,
            upload=SimpleUploadedFile(f"rapport-{number}.pdf", content,
                                      content_type="application/pdf"),
            by=member, description="Un rapport ajouté par le banc d'essai.",
            tags=["rapports", "banc d'essai"]))
        adds.append((time.perf_counter() - before) * 1000)
    rate = count / (time.perf_counter() - started)
    print(f"  added ({len(content) // 1024} KB PDF)              {rate:6.1f} a second, "
          f"{figures(adds)}")

    from extranet.documents.tasks import read_text

    readings, characters = [], 0
    for document in documents:
        version = document.versions.get()
        before = time.perf_counter()
        characters = read_text.call(version.pk)
        readings.append((time.perf_counter() - before) * 1000)
    print(f"  text read (task read_text)         {figures(readings)}, {characters:,} "
          f"characters")
    # The worker runs what the adds queued: the search index's updates (and the text
    # readings, already done above: they find the text there and read it again).
    DBTaskResult.objects.filter(task_path="extranet.documents.tasks.read_text").delete()
    queued = DBTaskResult.objects.count()
    started = time.perf_counter()
    logging.disable(logging.INFO)  # the worker's line per task
    call_command("db_worker", batch=True, no_startup_delay=True, reload=False)
    logging.disable(logging.NOTSET)
    worked = time.perf_counter() - started
    print(f"  index updates (worker)             {worked / max(queued, 1) * 1000:6.1f} ms "
          f"each, {queued} queued for {count} documents")
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists(), "a task failed"
    DBTaskResult.objects.all().delete()
    Document.objects.filter(pk__in=[document.pk for document in documents]).delete()
    return rate
