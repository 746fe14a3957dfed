"""What other parts of the site ask of the charter: the page in a language, its current
version, signing it; and what the charter's page shows (its signatories, its adoption line).

The joining workflow (joining/) calls `current_charter_version()` then
`sign_charter(...)`.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from wagtail.models import Locale

from charter.models import CharterPage, CharterSignature, CharterVersion
from directory.models import DirectoryPage


def _locale(locale):
    if locale is None:
        return translation.get_language() or Locale.get_default().language_code
    return locale.language_code if isinstance(locale, Locale) else locale


def charter_page(locale=None):
    """The live charter page in `locale` (a Locale or a language code; the active language by
    default), else the French one; None when there is none. One query."""
    wanted = _locale(locale)
    default = Locale.get_default().language_code
    pages = list(
        CharterPage.objects.live()
        .filter(locale__language_code__in={wanted, default})
        .select_related("locale")
        .order_by("path")
    )
    for code in (wanted, default):
        for page in pages:
            if page.locale.language_code == code:
                return page
    return None


def current_charter_version():
    """The latest version of the live charter in the default language (None if none)."""
    page = (CharterPage.objects.live().filter(locale=Locale.get_default())
            .order_by("path").values("pk")[:1])
    return CharterVersion.objects.filter(page__in=page).order_by("-number").first()


def sign_charter(association, version, by=None, on=None):
    """`association` signs `version` (on `on`, today by default; recorded by the user `by`).
    Signing the same version again returns the signature already recorded, unchanged."""
    existing = CharterSignature.objects.filter(association=association, version=version).first()
    if existing is not None:
        return existing
    signature = CharterSignature(association=association, version=version,
                                 signed_on=on or timezone.localdate(), recorded_by=by)
    signature.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            signature.save()
    except IntegrityError:  # signed at the same moment by another request
        return CharterSignature.objects.get(association=association, version=version)
    return signature


def record_version(page, revision=None):
    """After a publish: if the French page's text differs from its latest version, keep the
    new text as version n + 1 (the adoption fields copied). Returns the new version or None."""
    if not page.is_reference():
        return None
    latest = page.latest_version()
    snapshot = page.text_snapshot()
    if latest is not None and not latest.text_differs(snapshot):
        return None
    cites_register = bool(page.decision_number)
    return CharterVersion.objects.create(
        page=page, number=(latest.number + 1) if latest else 1, **snapshot,
        adopted_on=page.adopted_on, decision_number=page.decision_number,
        adopted_by="" if cites_register else page.adopted_by,
        decision_url="" if cites_register else page.decision_url,
        change_summary=page.change_summary, revision=revision,
    )


def page_published(sender, instance, revision=None, **kwargs):
    """`page_published` of a CharterPage (connected in charter/apps.py)."""
    record_version(instance, revision)


def adoption_of(page, version):
    """What the adoption line shows: the version's date and decision (the page's own wording
    of the decision when it is in sync, so a translation shows it translated) and the link to
    the decision (the page's, which may be added later, else the version's). A version
    adopted by a decision of the register names it by its number, linked to its public page
    when it is public (`version.adopting`, set by CharterPage.charter_context())."""
    if version is None:
        return None
    if version.decision_number:
        adopting = getattr(version, "adopting", None)
        return {
            "number": version.number,
            "date": version.adopted_on,
            "decision_number": version.decision_number,
            "url": adopting.url if adopting else None,
        }
    in_sync = page.adopted_on == version.adopted_on and page.adopted_by.strip()
    return {
        "number": version.number,
        "date": version.adopted_on,
        "decision": page.adopted_by if in_sync else version.adopted_by,
        "url": page.decision_url or version.decision_url,
    }


def signatories(reference_page, page, request=None):
    """The associations still in the directory (published, not dissolved) that signed a
    version of the charter: each once, with the latest version it signed and when, sorted by
    name, each with the address of its page in the directory. Two queries, whatever the
    number of signatures."""
    if reference_page.pk is None:
        return []
    signatures = (
        CharterSignature.objects.filter(
            version__page=reference_page, association__published=True,
            association__dissolved_on__isnull=True,
        )
        .select_related("association", "version")
        .only("signed_on", "association", "version", "association__name",
              "association__slug", "association__published", "version__number",
              "version__adopted_on")
        .order_by("association__name", "association_id", "-version__number")
    )
    seen, result = set(), []
    for signature in signatures:
        if signature.association_id in seen:
            continue
        seen.add(signature.association_id)
        result.append(signature)
    if result:
        links = DirectoryPage.links([s.association for s in result], page.locale_id, request)
        for signature, (_association, url) in zip(result, links, strict=True):
            signature.directory_url = url
    return result
