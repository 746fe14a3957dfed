"""Small modules, named for what they hold: no module of the project over 500 lines, no
function or method over 60 (tests, migrations and the virtual environment aside)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEFT_OUT = {"tests", "migrations", ".venv"}
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def project_modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if LEFT_OUT.intersection(relative.parts[:-1]):
            continue
        yield relative, path.read_text(encoding="utf-8")


def functions(tree):
    """(qualified name, node) of every function and method, nested ones included."""

    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield f"{prefix}{child.name}", child
                yield from walk(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, f"{prefix}{child.name}.")
            else:
                yield from walk(child, prefix)

    yield from walk(tree, "")


def function_lines(node):
    """From the first decorator (or the `def`) to the last line of the body."""
    first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
    return node.end_lineno - first + 1


def test_the_modules_are_found():
    names = {path.as_posix() for path, _text in project_modules()}

    assert "manage.py" in names
    assert "events/models/pages.py" in names
    assert not any(name.startswith(("tests/", ".venv/")) or "/migrations/" in name
                   for name in names)


def test_no_module_passes_500_lines():
    offenders = [
        f"{path}:{len(text.splitlines())}"
        for path, text in project_modules()
        if len(text.splitlines()) > MAX_MODULE_LINES
    ]

    assert not offenders, "Modules over 500 lines: " + ", ".join(offenders)


def test_no_function_passes_60_lines():
    offenders = [
        f"{path}:{name}:{function_lines(node)}"
        for path, text in project_modules()
        for name, node in functions(ast.parse(text, filename=str(path)))
        if function_lines(node) > MAX_FUNCTION_LINES
    ]

    assert not offenders, "Functions over 60 lines: " + ", ".join(offenders)
