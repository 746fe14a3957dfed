"""The demo app is the top layer: no production module imports it, so production code ships
no demo content and no benchmark generator."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Who may import demo: itself, the tests and the benchmark scripts.
ALLOWED = ("demo/", "tests/", "benchmarks/")
NOT_SOURCE = (".venv/", "var/", "node_modules/")


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_module_outside_demo_tests_and_benchmarks_imports_demo():
    offenders = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(ALLOWED + NOT_SOURCE):
            continue
        if any(name == "demo" or name.startswith("demo.") for name in imported_modules(path)):
            offenders.append(relative)

    assert offenders == []


def test_demo_is_installed_after_the_other_apps_of_the_project():
    project_apps = [app for app in settings.INSTALLED_APPS
                    if (ROOT / app.split(".")[0] / "apps.py").exists()]

    assert project_apps[-1] == "demo"
