"""Benchmark of `manage.py import_rna` (issue: directory). Target: 100,000 rows in under 60 s
on PostgreSQL, with a peak memory under 300 MB.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python benchmarks/rna_import.py

Generates a Waldec file in var/, migrates the database, removes the associations a previous
run imported, then imports the file twice in a child process (first run: creations; second
run: nothing changes) and reports time, rate and the child's peak memory (max RSS).
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

TARGET_SECONDS = 60
TARGET_MEMORY_MB = 300


# Runs one management command in a fresh process and prints that process's peak memory
# (Linux keeps the larger of its own and its parent's at the time of the fork).
CHILD = """
import resource, sys, django
django.setup()
from django.core.management import call_command
call_command(*sys.argv[1:])
print(f"MAXRSS_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
"""


def manage(*args):
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, *args], cwd=ROOT, capture_output=True, text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode:
        sys.exit(result.stdout + result.stderr)
    peak_kb = int(result.stderr.rsplit("MAXRSS_KB=", 1)[1].split()[0])
    return elapsed, peak_kb / 1024, result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    options = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from demo.volumes.directory import write_waldec_file

    # In child processes: a child's peak memory counts its parent's (kept across exec), so
    # the parent stays small.
    manage("migrate", "--noinput", "-v0")
    manage("shell", "-c", "from directory.models import Association; "
           "Association.objects.filter(source='rna').delete()")
    path = ROOT / "var" / f"rna_benchmark_{options.rows}.csv"
    path.parent.mkdir(exist_ok=True)
    started = time.perf_counter()
    write_waldec_file(path, options.rows)
    print(f"Generated {options.rows:,} rows ({path.stat().st_size / 1e6:.1f} MB) "
          f"in {time.perf_counter() - started:.1f} s")
    print(f"Database: {connection.vendor}")

    worst_time = worst_memory = 0
    for label in ("first run (creations)", "second run (nothing changes)"):
        elapsed, peak_mb, output = manage("import_rna", str(path))
        summary = ", ".join(line for line in output.splitlines()[1:5])
        print(f"{label}: {elapsed:.1f} s, {options.rows / elapsed:,.0f} rows/s, "
              f"peak memory {peak_mb:.0f} MB  [{summary}]")
        worst_time, worst_memory = max(worst_time, elapsed), max(worst_memory, peak_mb)
    met = worst_time < TARGET_SECONDS and worst_memory < TARGET_MEMORY_MB
    print(f"Target: {TARGET_SECONDS} s and {TARGET_MEMORY_MB} MB for 100,000 rows on PostgreSQL, "
          f"every run: {'met' if met else 'NOT met'} (worst {worst_time:.1f} s, "
          f"{worst_memory:.0f} MB)")


if __name__ == "__main__":
    main()
