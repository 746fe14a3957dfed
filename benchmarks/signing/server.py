"""The site served as deployed (docs/deployment.md): production settings behind gunicorn with
gunicorn.conf.py, static files collected, on this machine over plain HTTP."""

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVER_ENV = {  # production settings, as deployed, on this machine over plain HTTP
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "benchmark-only-insecure-key-never-use-in-production",
    "ALLOWED_HOSTS": "127.0.0.1",
    "EMAIL_URL": "memorymail://",
    "SECURE_SSL_REDIRECT": "false",
    "TRUSTED_PROXY_COUNT": "1",
    "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
}


def start_server(port, workers, threads, log):
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    if workers:
        env["GUNICORN_WORKERS"] = str(workers)
    if threads:
        env["GUNICORN_THREADS"] = str(threads)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                   cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "-c", str(ROOT / "gunicorn.conf.py")],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped (exit {server.returncode}); see {log.name}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz", headers={"Host": f"127.0.0.1:{port}"})
            if connection.getresponse().status == 200:
                connection.close()
                return server
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise RuntimeError(f"gunicorn did not answer /healthz within 180 s; see {log.name}")
