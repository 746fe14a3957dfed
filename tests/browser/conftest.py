"""Browser tests: one headless Chromium for the session, a fresh page per test, and axe-core.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright for Python; Playwright never
downloads a browser here. Without Chromium these tests are skipped, unless
REQUIRE_BROWSER_TESTS=1 (CI sets it), when they fail instead.

Playwright and Django in one thread
-----------------------------------
Playwright's sync API runs its asyncio loop in another greenlet of the main thread and leaves
that loop marked as running between calls. Django then takes the test code for async code:
1. it refuses ORM calls (SynchronousOnlyOperation): the `browser` fixture sets
   DJANGO_ALLOW_ASYNC_UNSAFE while it lives, and the browser tests run after every other
   test (see pytest_collection_modifyitems), so the rest of the suite keeps the check;
2. it keeps the database connections of "async" code apart from those of sync code, so the
   connection that pytest-django prepared (with the snapshot of the migrated database that
   serialized_rollback restores) is not the one the tests see: the `browser` fixture hands
   that snapshot over.
"""

import io
import os
from itertools import groupby
from pathlib import Path

import pytest
from django.core import serializers
from django.core.management import call_command
from django.db import connections, transaction
from django.db.backends.base.creation import BaseDatabaseCreation

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The rules axe-core runs: WCAG 2.1 levels A and AA (the RGAA builds on them).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Mark every test of this folder `browser` and run them after the rest of the suite."""
    browser_items, other_items = [], []
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)
            browser_items.append(item)
        else:
            other_items.append(item)
    items[:] = other_items + browser_items


def _browser_unavailable(reason):
    if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
        pytest.fail(
            f"Browser tests are required (REQUIRE_BROWSER_TESTS=1) but cannot run: {reason}. "
            "Install Debian's Chromium (apt-get install chromium) and the dev dependencies "
            "(make install).",
            pytrace=False,
        )
    pytest.skip(f"Browser tests skipped: {reason}.")


BULK_FROM = 500  # rows of one model


def restore_in_bulk(creation, data):
    """Django's `BaseDatabaseCreation.deserialize_db_from_string`, with one INSERT per batch
    of rows instead of one per row: restoring the migrated database before each browser test
    (serialized_rollback) writes ~37,000 communes, which row by row took half a minute on
    PostgreSQL. Only the large tables go in bulk (no signal is sent for them, as for the rows
    a migration loads); the others, and any model with parents (multi-table inheritance:
    Wagtail's pages) or with many-to-many values, are saved one by one, as Django does."""
    connection = creation.connection
    table_names = set()
    with transaction.atomic(using=connection.alias):
        with connection.constraint_checks_disabled():
            objects = serializers.deserialize("json", io.StringIO(data), using=connection.alias)
            for model, group in groupby(objects, key=lambda obj: type(obj.object)):
                group = list(group)
                table_names.add(model._meta.db_table)
                if (len(group) < BULK_FROM or model._meta.parents
                        or any(obj.m2m_data for obj in group)):
                    for obj in group:
                        obj.save()
                else:
                    # Rows already there (before the first test nothing was flushed) are
                    # the snapshot's own: skipped, where Django would update them.
                    model._base_manager.using(connection.alias).bulk_create(
                        [obj.object for obj in group], batch_size=1000, ignore_conflicts=True
                    )
        connection.check_constraints(table_names=table_names)


@pytest.fixture(scope="session", autouse=True)
def fast_restore():
    """Browser tests restore the database in bulk (they run last: the patch stays theirs)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BaseDatabaseCreation, "deserialize_db_from_string", restore_in_bulk)
        yield


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, started once for the whole session."""
    if not CHROMIUM.exists():
        _browser_unavailable(f"{CHROMIUM} is absent")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_unavailable("Playwright for Python is not installed")

    # See the module docstring for why these two steps are needed.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    playwright = sync_playwright().start()
    for alias, snapshot in snapshots.items():
        connections[alias]._test_serialized_contents = snapshot
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    """A fresh page in a fresh context (no cookies, no cache) for each test.

    The site's Content-Security-Policy stays in force (no bypass_csp): axe-core is evaluated
    through the DevTools protocol, which the policy does not govern, and a policy violation
    shows up as a console error.
    """
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def vnu():
    """The Nu HTML Checker of the whole-site checks (tests/site_crawl.py): Java and the npm
    package vnu-jar (`make install`)."""
    from tests import site_crawl

    if not site_crawl.vnu_available():
        _browser_unavailable(f"the Nu HTML Checker needs Java and {site_crawl.VNU_JAR} "
                             "(apt-get install default-jre-headless npm; make install)")


@pytest.fixture
def demo_site(transactional_db):
    """The demo content of `manage.py seed_demo`: French site, English home, menus, accounts."""
    call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture
def site_url(live_server, demo_site):
    """The live server's address, serving the demo content (static and media files too)."""
    return live_server.url


def describe_violations(violations):
    lines = [f"axe-core found {len(violations)} accessibility violation(s):"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"<{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node['html'][:200]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", " "))
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe():
    """axe-core as bundled in axe-playwright-python (no download, no CDN).

    Its `Axe.run` evaluates the script through page.evaluate, which the page's CSP allows;
    page.add_script_tag would add an inline script, which the CSP ('self' only) blocks.
    """
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """A function that runs axe-core (WCAG 2.1 A and AA) on a page and fails on a violation."""

    def check(page):
        results = axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": AXE_TAGS},
                "resultTypes": ["violations"],
            },
        )
        violations = results.response["violations"]
        if violations:
            # The report (rule id, help, each failing node) is what pytest prints.
            pytest.fail(f"{page.url}\n{describe_violations(violations)}", pytrace=False)

    return check
