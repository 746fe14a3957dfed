"""Production settings refuse to start half-configured, and pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPLETE = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-" + "x" * 40,
    "ALLOWED_HOSTS": "collectif.example.org",
    "DATABASE_URL": "sqlite:///" + str(ROOT / "var" / "never-created.sqlite3"),
    "BASE_URL": "https://collectif.example.org",
    "EMAIL_URL": "smtp+tls://robot:secret@smtp.example.org:587",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


# Settings of the machine that would change what these tests read.
MACHINE_SETTINGS = {"DEBUG", "CONN_MAX_AGE", "POSTGRES_OPTIONS", "DATABASE_REPLICA_URL",
                    "DATABASE_DISABLE_SERVER_SIDE_CURSORS", "PAGE_CACHE_URL", "CACHE_URL"}


def run_manage(*args, **environ):
    env = {key: value for key, value in os.environ.items()
           if key not in {*COMPLETE, *MACHINE_SETTINGS}}
    env.update(environ)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "BASE_URL", "EMAIL_URL"]
)
def test_production_refuses_to_start_without_a_required_variable(missing):
    environ = {key: value for key, value in COMPLETE.items() if key != missing}

    result = run_manage("check", **environ)

    assert result.returncode != 0
    assert "Production settings need these environment variables" in result.stderr
    assert missing in result.stderr


def test_production_passes_the_deployment_checklist_without_a_warning():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **COMPLETE)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deployment_checklist_asks_for_a_cache_shared_by_the_workers():
    environ = {key: value for key, value in COMPLETE.items() if key != "REDIS_URL"}

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **environ)

    assert result.returncode != 0
    assert "portal.W001" in result.stdout + result.stderr


def test_static_files_collect_with_hashed_names_under_production_settings(tmp_path):
    result = run_manage("collectstatic", "--noinput", STATIC_ROOT=str(tmp_path), **COMPLETE)

    assert result.returncode == 0, result.stdout + result.stderr
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert '"css/portal.css": "css/portal.' in manifest
    assert any(tmp_path.glob("css/portal.*.css.gz")) or any(tmp_path.glob("css/portal.*.css.br"))


def test_the_kept_pages_go_to_a_redis_of_their_own_when_one_is_set():
    result = run_manage(
        "shell", "-c",
        "from django.conf import settings; print(settings.CACHES['pages']['LOCATION'], "
        "settings.CACHES['default']['LOCATION'])",
        **{**COMPLETE, "PAGE_CACHE_URL": "redis://127.0.0.1:6380/0"},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["redis://127.0.0.1:6380/0",
                                                      "redis://127.0.0.1:6379/0"]


def test_without_a_redis_of_their_own_the_kept_pages_share_the_cache():
    result = run_manage(
        "shell", "-c",
        "from django.conf import settings; print(settings.CACHES['pages']['LOCATION'])",
        **COMPLETE,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "redis://127.0.0.1:6379/0"
