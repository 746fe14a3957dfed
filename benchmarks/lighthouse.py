"""Lighthouse (mobile profile, the system's Chromium) on the home page, a campaign, the
directory and an event of a running site: the four scores and the layout shift of each.
Targets: every score at least 95, layout shift under 0.05.

    MAP_TILES_URL= make run        # or gunicorn with the production settings; the demo
    .venv/bin/python benchmarks/lighthouse.py [--base http://127.0.0.1:8000] [PATH ...]

Start the site with `MAP_TILES_URL=` (no map tiles): no request leaves the machine. Without
paths it audits the demo's (`seed_demo`). Lighthouse comes from its npm package, installed
once under var/lighthouse/ (npm; no browser is downloaded: CHROME_PATH is /usr/bin/chromium).
Exits with 1 when a target is missed.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREFIX = ROOT / "var" / "lighthouse"
LIGHTHOUSE = PREFIX / "node_modules" / ".bin" / "lighthouse"
VERSION = "12"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET_SCORE = 95
TARGET_SHIFT = 0.05
DEMO_PATHS = ["/", "/campagnes/conventions-pluriannuelles/", "/annuaire/",
              "/agenda/rencontre-mensuelle-du-reseau/"]


def install():
    if LIGHTHOUSE.exists():
        return
    PREFIX.mkdir(parents=True, exist_ok=True)
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is needed to install Lighthouse (apt-get install npm).")
    subprocess.run([npm, "install", "--prefix", str(PREFIX), "--no-audit", "--no-fund",
                    f"lighthouse@{VERSION}"], check=True)


def audit(url):
    """(scores out of 100 by category, cumulative layout shift) of the page at `url`."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
            check=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        data = json.loads(report.read_text())
    scores = {name: round(100 * (data["categories"][name]["score"] or 0))
              for name in CATEGORIES}
    return scores, data["audits"]["cumulative-layout-shift"]["numericValue"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("paths", nargs="*", default=DEMO_PATHS)
    options = parser.parse_args()
    install()
    print(f"{'page':45} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'shift':>7}")
    missed = []
    for path in options.paths:
        scores, shift = audit(options.base.rstrip("/") + path)
        print(f"{path:45} " + " ".join(f"{scores[name]:>5}" for name in CATEGORIES)
              + f" {shift:>7.3f}")
        missed += [f"{path}: {name} {score}" for name, score in scores.items()
                   if score < TARGET_SCORE]
        if shift >= TARGET_SHIFT:
            missed.append(f"{path}: layout shift {shift:.3f}")
    print(f"Targets: every score >= {TARGET_SCORE}, layout shift < {TARGET_SHIFT}: "
          + ("met" if not missed else "missed (" + "; ".join(missed) + ")"))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
