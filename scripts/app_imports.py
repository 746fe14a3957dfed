"""Prints which apps import which (the graph of docs/architecture.md): one line per app, the
apps it imports with the number of importing lines, then any pair of apps importing each
other. Reads the imports with grimp (installed with import-linter), those inside functions
included.

    .venv/bin/python scripts/app_imports.py [APP ...]
"""

import sys
from collections import Counter
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
APPS = ["portal", "directory", "events", "campaigns", "charter", "extranet", "joining", "home",
        "demo"]


def app_graph(apps):
    """{app: Counter({imported app: number of importing lines})}."""
    graph = grimp.build_graph(*apps, include_external_packages=False)
    edges = {app: Counter() for app in apps}
    for importer in graph.modules:
        source = importer.split(".")[0]
        for imported in graph.find_modules_directly_imported_by(importer):
            target = imported.split(".")[0]
            if target != source and target in edges:
                details = graph.get_import_details(importer=importer, imported=imported)
                edges[source][target] += len(details) or 1
    return edges


def main(argv):
    sys.path.insert(0, str(ROOT))
    apps = argv or [app for app in APPS if (ROOT / app / "__init__.py").exists()]
    edges = app_graph(apps)
    for app in apps:
        targets = ", ".join(f"{target} ({count})" for target, count in sorted(edges[app].items()))
        print(f"{app} -> {targets or 'nothing'}")
    pairs = sorted({tuple(sorted((a, b))) for a in apps for b in edges[a] if a in edges[b]})
    print("pairs importing each other:", ", ".join(f"{a}<->{b}" for a, b in pairs) or "none")


if __name__ == "__main__":
    main(sys.argv[1:])
