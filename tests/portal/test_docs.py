"""The documentation names only what exists: every `manage.py` command and `make` target it
names, every relative link between its pages; and the README stays short."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]

COMMAND = re.compile(r"manage\.py\s+([a-z][a-z0-9_]*)")
MAKE_TARGET = re.compile(r"\bmake\s+([a-z][a-z0-9_-]*)")
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
# Targets named by the commands of this repository, not by Make: `make run` but never
# "make sure" in prose, so only names inside code spans or code blocks are read.
CODE = re.compile(r"```.*?```|`[^`\n]+`", re.S)


def code_of(page):
    return "\n".join(CODE.findall(page.read_text()))


def makefile_targets():
    text = (ROOT / "Makefile").read_text()
    return set(re.findall(r"^([a-zA-Z0-9_-]+)\s*:(?!=)", text, re.M))


def relative_links(page):
    for target in MARKDOWN_LINK.findall(page.read_text()):
        if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue
        yield target.split("#", 1)[0]


def test_the_documentation_has_its_pages():
    names = {page.name for page in PAGES}

    assert {"architecture.md", "deployment.md", "editors.md", "data-protection.md",
            "performance.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_management_command_the_docs_name_exists(page):
    named = set(COMMAND.findall(page.read_text()))

    assert named - set(get_commands()) == set()


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_make_target_the_docs_name_exists(page):
    named = set(MAKE_TARGET.findall(code_of(page)))

    assert named - makefile_targets() == set()


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_relative_link_of_the_docs_leads_to_a_file(page):
    broken = [link for link in relative_links(page) if not (page.parent / link).exists()]

    assert broken == []


def test_the_readme_has_at_most_300_lines():
    assert len(README.read_text().splitlines()) <= 300


def test_the_docs_point_to_nothing_outside_the_repository():
    for page in PAGES:
        assert "../shared/" not in page.read_text(), page.name
