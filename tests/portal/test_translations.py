"""The English translation of the interface is complete, compiled and up to date.

French is the source language: the gettext msgids are French, locale/en/LC_MESSAGES/django.po
holds their English translations and django.mo its compiled form. The .mo file is committed,
so that a machine without GNU gettext still gets English.

To update: `make messages`, translate in django.po, `make compilemessages`.
"""

import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation

BASE_DIR = Path(django_settings.BASE_DIR)
CATALOGUE = BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
HOW_TO_FIX = "run `make messages`, translate in {po}, then `make compilemessages`"

# Top-level folders makemessages must not read (the catalogue is made with --ignore for
# .venv, var and tests), and the only files it reads in the django domain.
NOT_SCANNED = {".venv", "var", "tests", "locale", "node_modules"}
SCANNED_SUFFIXES = {".py", ".html", ".txt"}
GETTEXT_TOOLS = ("xgettext", "msguniq", "msgmerge", "msgattrib")

# Placeholders of strings flagged python-format (%(name)s, %s) and python-brace-format ({name}).
PLACEHOLDERS = {
    # "%%" is a percent sign, not a placeholder: matched first, so that "%% des" is not "% d".
    "python-format": re.compile(r"%%|%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"),
    "python-brace-format": re.compile(r"\{[^{}]*\}"),
}


def in_ci():
    """CI sets REQUIRE_BROWSER_TESTS=1: there, a missing tool fails instead of skipping."""
    return os.environ.get("REQUIRE_BROWSER_TESTS", "") not in ("", "0")


def key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)


def describe(entry_key):
    msgctxt, msgid, msgid_plural = entry_key
    text = repr(msgid)
    if msgid_plural:
        text += f" (plural {msgid_plural!r})"
    if msgctxt:
        text += f" (context {msgctxt!r})"
    return text


def translations_of(entry):
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
    return (entry.msgstr,)


def live_entries(catalogue):
    return [entry for entry in catalogue if not entry.obsolete]


@pytest.fixture(scope="module")
def catalogue():
    assert CATALOGUE.exists(), f"{CATALOGUE} is missing: {HOW_TO_FIX.format(po=CATALOGUE)}"
    return polib.pofile(str(CATALOGUE))


def test_the_catalogue_header_declares_english_utf8_and_two_plural_forms(catalogue):
    assert catalogue.metadata.get("Language") == "en"
    assert "charset=UTF-8" in catalogue.metadata.get("Content-Type", "")
    assert catalogue.metadata.get("Plural-Forms") == "nplurals=2; plural=(n != 1);"
    assert not catalogue.metadata_is_fuzzy, "remove the `#, fuzzy` flag above the header"


def test_every_entry_of_the_english_catalogue_is_translated(catalogue):
    problems = []
    for entry in live_entries(catalogue):
        if entry.fuzzy:
            problems.append(f"{describe(key(entry))}: fuzzy (check it, then remove the flag)")
        elif entry.msgid_plural and sorted(entry.msgstr_plural) != [0, 1]:
            problems.append(f"{describe(key(entry))}: needs msgstr[0] and msgstr[1]")
        elif not all(text.strip() for text in translations_of(entry)):
            problems.append(f"{describe(key(entry))}: not translated")
    assert not problems, (
        f"{len(problems)} entries of {CATALOGUE.relative_to(BASE_DIR)} need work:\n"
        + "\n".join(problems)
    )


def test_every_translation_keeps_the_placeholders_of_its_french_original(catalogue):
    problems = []
    for entry in live_entries(catalogue):
        if entry.msgid_plural:
            sources = [entry.msgid, *[entry.msgid_plural] * (len(entry.msgstr_plural) - 1)]
        else:
            sources = [entry.msgid]
        for flag, pattern in PLACEHOLDERS.items():
            if flag not in entry.flags:
                continue
            for source, text in zip(sources, translations_of(entry), strict=True):
                if text and set(pattern.findall(source)) != set(pattern.findall(text)):
                    problems.append(f"{source!r} -> {text!r}")
    assert not problems, "Placeholders differ between French and English:\n" + "\n".join(problems)


def test_the_compiled_catalogue_holds_exactly_the_translations_of_the_po(catalogue):
    assert COMPILED.exists(), f"{COMPILED} is missing: run `make compilemessages`"
    expected = {key(entry): translations_of(entry) for entry in catalogue if entry.translated()}
    compiled = {key(entry): translations_of(entry) for entry in polib.mofile(str(COMPILED))}
    problems = (
        [f"{describe(k)}: not in the .mo" for k in expected.keys() - compiled.keys()]
        + [f"{describe(k)}: in the .mo only" for k in compiled.keys() - expected.keys()]
        + [
            f"{describe(k)}: .po says {expected[k]!r}, .mo says {compiled[k]!r}"
            for k in expected.keys() & compiled.keys()
            if expected[k] != compiled[k]
        ]
    )
    assert not problems, (
        "django.mo is out of date with django.po; run `make compilemessages`:\n"
        + "\n".join(sorted(problems))
    )


def _ignore_for_makemessages(directory, names):
    """copytree filter: only what makemessages would read, in a throw-away copy."""
    at_top = Path(directory) == BASE_DIR

    def skipped(name):
        if name.startswith(".") or name == "__pycache__" or (at_top and name in NOT_SCANNED):
            return True
        path = Path(directory, name)
        return not path.is_dir() and path.suffix not in SCANNED_SUFFIXES

    return {name for name in names if skipped(name)}


def test_every_translatable_string_of_the_code_is_in_the_catalogue(
    catalogue, tmp_path, monkeypatch, settings
):
    missing_tools = [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]
    if missing_tools:
        reason = f"GNU gettext is not installed (no {', '.join(missing_tools)})"
        if in_ci():
            pytest.fail(
                f"{reason}, and CI (REQUIRE_BROWSER_TESTS) requires this check: "
                "apt-get install gettext",
                pytrace=False,
            )
        pytest.skip(reason)

    # makemessages writes next to the files it reads (templates' .py work files) and into
    # LOCALE_PATHS: run it on a copy, never on the repository itself.
    source = tmp_path / "source"
    shutil.copytree(BASE_DIR, source, ignore=_ignore_for_makemessages, symlinks=True)
    settings.LOCALE_PATHS = [str(source / "locale")]
    monkeypatch.chdir(source)
    call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)

    extracted = polib.pofile(str(source / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    known = {key(entry) for entry in live_entries(catalogue)}
    missing = {
        key(entry): entry.occurrences
        for entry in live_entries(extracted)
        if key(entry) not in known
    }
    assert not missing, (
        f"{len(missing)} strings of the code are not in the catalogue; "
        f"{HOW_TO_FIX.format(po=CATALOGUE.relative_to(BASE_DIR))}:\n"
        + "\n".join(
            f"{describe(k)} from {', '.join(f'{path}:{line}' for path, line in where)}"
            for k, where in sorted(missing.items(), key=lambda item: item[0][1])
        )
    )


# Through variables, so that makemessages never mistakes these for strings to translate.
SKIP_LINK = "Aller au contenu"
RESULTS = ("%(counter)s résultat pour « %(query)s »", "%(counter)s résultats pour « %(query)s »")
PAGINATION = (
    "{% load i18n %}{% blocktranslate with number=2 total=5 %}"
    "Page {{ number }} sur {{ total }}{% endblocktranslate %}"
)


def test_the_interface_speaks_english_when_english_is_active():
    with translation.override("en"):
        assert translation.gettext(SKIP_LINK) == "Skip to content"
        assert translation.ngettext(*RESULTS, 1) % {"counter": 1, "query": "eau"} == (
            "1 result for “eau”"
        )
        assert translation.ngettext(*RESULTS, 3) % {"counter": 3, "query": "eau"} == (
            "3 results for “eau”"
        )
        assert Template(PAGINATION).render(Context()) == "Page 2 of 5"


def test_the_interface_stays_french_when_french_is_active():
    with translation.override("fr"):
        assert translation.gettext(SKIP_LINK) == SKIP_LINK
        assert Template(PAGINATION).render(Context()) == "Page 2 sur 5"
