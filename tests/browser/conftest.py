"""A real browser on the site: Chromium headless (Selenium), serving the test's own database, with axe-core.

The site is served from a thread that shares the test's database connection, so the pages show
what the test just created inside its transaction (rolled back afterwards like any other test)
on SQLite and PostgreSQL alike; it answers one request at a time, since they share that connection.
Screenshots land in var/screenshots/ for people to look at.
"""

import shutil
import threading
from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
WIDTHS = (1280, 390)
# What the pages must meet: WCAG 2.1 A and AA, as the RGAA (the French public sector's reference) asks.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def missing_tools():
    """Why the browser tests cannot run here (empty when they can)."""
    reasons = []
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        reasons.append("Chromium absent (apt-get install chromium)")
    if not shutil.which("chromedriver"):
        reasons.append("chromedriver absent (apt-get install chromium-driver)")
    if not AXE_JS.exists():
        reasons.append("axe-core absent (npm ci --prefix tests/browser, que `make test` lance quand npm est là)")
    return reasons


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


class SharedConnectionServer(threading.Thread):
    """The site on a free port, answering with the test's own database connection."""

    def __init__(self):
        super().__init__(daemon=True)
        self.connection = connections["default"]
        self.ready = threading.Event()

    def run(self):
        connections["default"] = self.connection
        self.httpd = WSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
        self.httpd.set_app(StaticFilesHandler(WSGIHandler()))
        self.ready.set()
        self.httpd.serve_forever(poll_interval=0.05)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"


@pytest.fixture
def site_server(db):
    if reasons := missing_tools():
        pytest.skip("Tests dans le navigateur sautés : " + " ; ".join(reasons) + ".")
    # Django closes a connection found inside a transaction at each request's start and end: the
    # test client avoids it the same way, since here that transaction is the test's.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    connection = connections["default"]
    connection.inc_thread_sharing()
    server = SharedConnectionServer()
    server.start()
    server.ready.wait(10)
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()
    server.join(5)
    connection.dec_thread_sharing()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def browser(site_server):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-dev-shm-usage",
        "--lang=fr-FR",
        f"--window-size={WIDTHS[0]},900",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    driver.site = site_server.url
    yield driver
    driver.quit()


def sign_in(driver, user):
    """Give the browser a session of `user`, as if they had signed in."""
    client = Client()
    client.force_login(user)
    driver.get(driver.site + "/robots.txt")
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    driver.add_cookie({"name": settings.SESSION_COOKIE_NAME, "value": session})


def audit(driver, url, name):
    """Open `url` at each width, screenshot it, run axe-core; return the violations found, as readable lines.

    With `url` None, the page the browser shows stays as it is (say, a form just refused): only resized.
    """
    problems = []
    for width in WIDTHS:
        driver.set_window_size(width, 900)
        if url is not None:
            driver.get(url if "://" in url else driver.site + url)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(max(height, 600), 4000))
        driver.save_screenshot(str(SCREENSHOTS / f"{name}-{width}.png"))
        driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
            ".then(r => done(r.violations.map(v => ({id: v.id, help: v.help,"
            " nodes: v.nodes.map(n => n.target.join(' '))}))))"
            ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));",
            AXE_TAGS,
        )
        problems += [f"{name} à {width} px : {v['id']} ({v['help']}) sur {', '.join(v['nodes'][:5])}" for v in result]
    return problems
