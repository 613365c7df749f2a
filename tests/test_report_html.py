"""The HTML report in a real browser: every figure renders, nothing leaves the file.

Headless Chromium (Debian's ``chromium``; ``.ci/run`` installs it when missing) opens the
page from disk through a loopback proxy that records every request; a probe script clicks
each tab and writes the rendered size of every figure into the DOM, which Chromium dumps.
A screenshot is kept as a test artefact (``$TRENDLIB_ARTEFACTS`` or the test's tmp dir).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import trendlib as tl
from trendlib.report import build_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium (apt-get install chromium)")

PROBE = """
<script>
window.addEventListener("load", function () {
  var out = {};
  document.querySelectorAll("#tabs button").forEach(function (b) {
    b.click();
    document.querySelectorAll("section.tab.active figure.fig").forEach(function (f) {
      var r = f.querySelector("svg").getBoundingClientRect();
      out[f.id] = [Math.round(r.width), Math.round(r.height)];
    });
  });
  document.querySelector("#tabs button").click();
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


class _Recorder(BaseHTTPRequestHandler):
    seen: list = []

    def _any(self) -> None:
        type(self).seen.append(f"{self.command} {self.path}")
        self.send_response(404)
        self.end_headers()

    do_GET = do_POST = do_HEAD = do_CONNECT = _any

    def log_message(self, *args) -> None:  # quiet
        pass


def _chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--virtual-time-budget=10000"]
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    rep = build_report(tl.datasets.load_sample_posts(), progress=False)
    rep.save(folder, figures=False)
    return folder / "report.html"


#: Chromium's own background services (updates, safe browsing), never asked for by a page
_BROWSER_HOSTS = (".googleapis.com:", ".google.com:", ".gstatic.com:", ".googleapis.com/", ".google.com/")


def _page_requests(seen: list) -> list:
    return [r for r in seen if not any(h in r for h in _BROWSER_HOSTS)]


def _load_through_proxy(path: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess, list]:
    _Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        proc = _chromium(f"--proxy-server=http://127.0.0.1:{port}", "--proxy-bypass-list=<-loopback>",
                         "--dump-dom", path.as_uri(), profile=tmp_path / "profile")
    finally:
        server.shutdown()
    return proc, _page_requests(list(_Recorder.seen))


def test_the_proxy_sees_a_page_that_fetches(tmp_path):
    # positive control: an external image must show up in the recorder
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<html><body><img src="http://example.invalid/pixel.png"></body></html>', encoding="utf-8")
    proc, seen = _load_through_proxy(leaky, tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert any("example.invalid" in r for r in seen)


def test_every_figure_renders_and_no_request_leaves_the_file(page, tmp_path):
    html = page.read_text(encoding="utf-8")
    probed = tmp_path / "probed.html"
    probed.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    proc, seen = _load_through_proxy(probed, tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    start = dom.index('<pre id="probe">') + len('<pre id="probe">')
    sizes = json.loads(dom[start:dom.index("</pre>", start)].replace("&quot;", '"'))
    assert set(sizes) == {"fig-volume", "fig-bursts", "fig-sentiment", "fig-network"}
    assert all(w > 200 and h > 100 for w, h in sizes.values()), sizes
    assert seen == []


def test_screenshot_is_kept_as_an_artefact(page, tmp_path):
    out_dir = Path(os.environ.get("TRENDLIB_ARTEFACTS", tmp_path))
    out_dir.mkdir(parents=True, exist_ok=True)
    shot = out_dir / "report_sample.png"
    proc = _chromium(f"--screenshot={shot}", "--window-size=1280,1800", "--hide-scrollbars", page.as_uri(),
                     profile=tmp_path / "profile")
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a blank page compresses to a few KB


def test_the_page_is_a_reasonable_size(page):
    # under 2 MB for 100k posts is the target (see benchmarks/bench_report.py); the sample is far below
    assert page.stat().st_size < 1_000_000
