"""`make load`: the production server under wrk, each page measured against the static-file ceiling.

Starts gunicorn as the README's production path does (production settings, collected static files, 3 workers)
on the demo database, so the numbers are those a reader would meet, not those of the development server.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

CONCURRENCIES = (1, 8, 64)
WORKERS = 3
WARM_UP_SECONDS = 3
HOST = "127.0.0.1"


@dataclass
class Cell:
    """One wrk run: an endpoint at one concurrency."""

    name: str
    concurrency: int
    rps: float
    p50_ms: float
    p99_ms: float
    socket_errors: int
    non_2xx: int

    @property
    def errors(self):
        return self.socket_errors + self.non_2xx


def server_env(static_root):
    """The environment of `kb.settings.production` behind no proxy, on plain HTTP, on this machine only."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="kb.settings.production",
        SECRET_KEY="load-test-not-secret",  # noqa: S106 - a throwaway server on the loopback
        ALLOWED_HOSTS=f"{HOST},localhost",
        SECURE_SSL_REDIRECT="0",
        DEBUG="0",
        LOG_LEVEL="WARNING",
        STATIC_ROOT=str(static_root),
    )
    return env


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def gunicorn_command(port):
    """gunicorn with the project's own configuration when it has one, 3 workers either way."""
    command = [str(Path(sys.executable).with_name("gunicorn"))]
    config = Path(settings.BASE_DIR) / "gunicorn.conf.py"
    if config.exists():
        command += ["--config", str(config)]
    return [*command, "--workers", str(WORKERS), "--bind", f"{HOST}:{port}", "kb.wsgi:application"]


@contextmanager
def production_server(log):
    """Collect static files to a throwaway folder, start gunicorn, wait for it, stop it on the way out."""
    static_root = Path(tempfile.mkdtemp(prefix="kb-load-static-"))
    env = server_env(static_root)
    manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)  # noqa: S603
    port = free_port()
    command = gunicorn_command(port)
    log(" ".join(Path(command[0]).name if i == 0 else part for i, part in enumerate(command)))
    server = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)  # noqa: S603
    base = f"http://{HOST}:{port}"
    try:
        wait_until_up(base, server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)


def wait_until_up(base, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn s’est arrêté au démarrage (code {server.returncode}).")
        try:
            urllib.request.urlopen(base + "/", timeout=5).close()  # noqa: S310 - our own loopback server
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn ne répond pas sur {base} après {timeout} s.")


def fetch(url):
    """The status and body of one GET, so every endpoint is checked to answer 200 before it is measured."""
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own loopback server
        return response.status, response.read().decode("utf-8", "replace")


def stylesheet_path(base):
    """The hashed site stylesheet the home page links to: the static file a browser fetches with every page."""
    _, html = fetch(base + "/")
    match = re.search(r'href="(/static/css/site\.[^"]*\.css)"', html) or re.search(r'href="(/static/[^"]*\.css)"', html)
    if not match:
        raise RuntimeError("La page d’accueil ne lie aucune feuille de style : plafond statique introuvable.")
    return match.group(1)


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def to_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS_MS[unit]


def parse_wrk(output):
    """Requests per second, p50, p99, socket errors (connect, read, write, timeout) and non-2xx/3xx answers
    from wrk --latency."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return (
        rps,
        p50,
        p99,
        sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        int(non_2xx.group(1)) if non_2xx else 0,
    )


def run_wrk(url, concurrency, seconds):
    """One wrk thread: enough to saturate this server, and it leaves the cores to gunicorn."""
    command = ["wrk", "-t1", f"-c{concurrency}", f"-d{seconds}s", "--timeout", "30s", "--latency", url]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603


def measure(endpoints, seconds, log):
    """Every endpoint at every concurrency, the static ceiling first; each endpoint is warmed first (every
    worker has loaded its search columns and filled the page cache), so the table shows the steady state."""
    cells = []
    for name, url in endpoints:
        run_wrk(url, WORKERS, WARM_UP_SECONDS)
        for concurrency in CONCURRENCIES:
            cells.append(Cell(name, concurrency, *parse_wrk(run_wrk(url, concurrency, seconds))))
            log(f"  {name} c={concurrency} : {cells[-1].rps:.0f} req/s")
    return cells


def table(cells):
    """One Markdown table, each row's throughput as a share of the static file's at the same concurrency."""
    ceiling = {cell.concurrency: cell.rps for cell in cells if cell.name == cells[0].name}
    lines = [
        "| point d’accès | c | req/s | p50 | p99 | erreurs de connexion | non-2xx | part du statique |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for cell in cells:
        share = cell.rps / ceiling[cell.concurrency] if ceiling[cell.concurrency] else 0
        lines.append(
            f"| {cell.name} | {cell.concurrency} | {cell.rps:.0f} | {cell.p50_ms:.1f} ms | {cell.p99_ms:.1f} ms "
            f"| {cell.socket_errors} | {cell.non_2xx} | {share:.0%} |"
        )
    return "\n".join(lines)
