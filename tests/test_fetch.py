"""fetch_*: downloads from a loopback HTTP server started by the test, never the internet."""

from __future__ import annotations

import hashlib
import http.server
import json
import socket
import threading
from pathlib import Path

import pytest

from trendlib.datasets import _fetch
from trendlib.datasets import fetch_file, fetch_inset, fetch_smsa, load_inset, load_smsa
from trendlib.exceptions import ChecksumError, DataNotFoundError

# a tiny SmSA-format file written by us (two real-style Indonesian sentences)
SMSA_TEST = (
    "pelayanan nya ramah dan makanan nya enak sekali .\tpositive\n"
    "aplikasi nya sering error , kecewa berat .\tnegative\n"
    "besok saya berangkat ke bandung naik kereta .\tneutral\n"
).encode("utf-8")


class _Handler(http.server.BaseHTTPRequestHandler):
    files: dict[str, bytes] = {}
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server API)
        self.hits.append(self.path)
        body = self.files.get(self.path)
        if self.path.startswith("/boom"):
            self.send_error(500, "Internal Server Error")
            return
        if body is None:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep pytest output clean
        pass


@pytest.fixture()
def server():
    handler = type("H", (_Handler,), {"files": {}, "hits": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield httpd, handler, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture()
def registry_with(monkeypatch):
    """Register extra files (name -> bytes) in a copy of the registry."""

    def _add(entries: dict[str, bytes]) -> None:
        reg = json.loads(json.dumps(_fetch._registry()))
        for name, body in entries.items():
            reg[name] = {
                "url": "http://127.0.0.1:9/never-used",
                "sha256": hashlib.sha256(body).hexdigest(),
                "size": len(body),
            }
        monkeypatch.setattr(_fetch, "_registry", lambda: reg)

    return _add


def test_registry_is_complete_and_well_formed():
    reg = _fetch._registry()
    for split in ("train", "valid", "test"):
        assert f"indonlu_smsa/{split}_preprocess.tsv" in reg
        assert f"nusax_senti_id/{split}.csv" in reg
        assert f"indonlu_emot/{split}_preprocess.csv" in reg
    for name, entry in reg.items():
        assert entry["url"].startswith("https://raw.githubusercontent.com/"), name
        assert len(entry["sha256"]) == 64 and int(entry["sha256"], 16) >= 0
        assert entry["size"] > 0


def test_registry_checksums_match_real_files(data_home):
    checked = 0
    for name, entry in _fetch._registry().items():
        path = data_home / name
        if path.exists():
            assert _fetch._sha256(path) == entry["sha256"], name
            checked += 1
    if checked == 0:
        pytest.skip("no registered file in the data home")


def test_fetch_success_then_load(server, registry_with, tmp_path, monkeypatch):
    _, handler, base = server
    monkeypatch.delenv("TRENDLIB_DATA_URL", raising=False)
    # the real registry checksum would not match our small file: register ours
    registry_with({"indonlu_smsa/test_preprocess.tsv": SMSA_TEST})
    handler.files["/indonlu_smsa/test_preprocess.tsv"] = SMSA_TEST

    with pytest.raises(DataNotFoundError, match="fetch_smsa"):
        load_smsa("test", data_home=tmp_path)
    paths = fetch_smsa("test", base_url=base, data_home=tmp_path)
    assert paths == [tmp_path / "indonlu_smsa" / "test_preprocess.tsv"]
    assert paths[0].read_bytes() == SMSA_TEST
    df = load_smsa("test", data_home=tmp_path)
    assert df.label.tolist() == ["positive", "negative", "neutral"]
    # present and valid: no second download
    fetch_smsa("test", base_url=base, data_home=tmp_path)
    assert handler.hits == ["/indonlu_smsa/test_preprocess.tsv"]
    # no stray temporary files left behind
    assert sorted(p.name for p in paths[0].parent.iterdir()) == ["test_preprocess.tsv"]


def test_fetch_env_var_mirror(server, registry_with, tmp_path, monkeypatch):
    _, handler, base = server
    body = b"hai\t3\r\n"
    registry_with({"x/a.tsv": body})
    handler.files["/x/a.tsv"] = body
    monkeypatch.setenv("TRENDLIB_DATA_URL", base + "/")
    path = fetch_file("x/a.tsv", data_home=tmp_path)
    assert path.read_bytes() == body


def test_fetch_checksum_mismatch(server, tmp_path, monkeypatch):
    _, handler, base = server
    monkeypatch.delenv("TRENDLIB_DATA_URL", raising=False)
    # serve a file that is not the real InSet positive list
    handler.files["/inset_lexicon/positive.tsv"] = b"word\tweight\r\nbagus\t5\r\n"
    with pytest.raises(ChecksumError, match=r"expected sha256 4d0dc2a6.*got "):
        fetch_inset(base_url=base, data_home=tmp_path)
    # the bad download is discarded
    folder = tmp_path / "inset_lexicon"
    assert not folder.exists() or list(folder.iterdir()) == []
    with pytest.raises(DataNotFoundError):
        load_inset(data_home=tmp_path)


def test_present_file_with_wrong_checksum_is_reported(tmp_path):
    bad = tmp_path / "indonlu_smsa" / "valid_preprocess.tsv"
    bad.parent.mkdir()
    bad.write_bytes(SMSA_TEST)
    with pytest.raises(ChecksumError, match="force=True"):
        fetch_smsa("valid", data_home=tmp_path)


def test_fetch_server_error(server, tmp_path):
    _, _, base = server
    with pytest.raises(ConnectionError, match="HTTP 500"):
        fetch_file("boom/x.csv", url=base + "/boom/x.csv", data_home=tmp_path)
    with pytest.raises(ConnectionError, match="HTTP 404"):
        fetch_smsa("train", base_url=base, data_home=tmp_path)
    assert not (tmp_path / "indonlu_smsa" / "train_preprocess.tsv").exists()


def test_fetch_offline(tmp_path):
    # a port on loopback with nothing listening: connection refused, like being offline
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ConnectionError, match="offline"):
        fetch_smsa("test", base_url=f"http://127.0.0.1:{port}", data_home=tmp_path, timeout=5)


def test_unregistered_file_with_explicit_checksum(server, tmp_path):
    _, handler, base = server
    body = "gak\ttidak\n".encode()
    handler.files["/own/slang.tsv"] = body
    good = hashlib.sha256(body).hexdigest()
    path = fetch_file("own/slang.tsv", url=base + "/own/slang.tsv", sha256=good, data_home=tmp_path)
    assert Path(path).read_bytes() == body
    with pytest.raises(ChecksumError):
        fetch_file(
            "own/other.tsv", url=base + "/own/slang.tsv", sha256="0" * 64, data_home=tmp_path
        )


def test_bad_split_names_the_choices(tmp_path):
    with pytest.raises(ValueError, match=r"'split' parameter of fetch_smsa\(\).*'dev'"):
        fetch_smsa("dev", data_home=tmp_path)


# ------------------------------------------------------------------ hostile names and servers


@pytest.mark.parametrize("name", ["../escaped.txt", "a/../../escaped.txt", "/etc/passwd", "a//b.csv", "./x.csv",
                                  "C:/x.csv", "a/./b.csv"])
def test_fetch_file_refuses_paths_that_leave_the_data_home(tmp_path, server, name):
    httpd, handler, base = server
    handler.files["/x"] = b"data"
    home = tmp_path / "home"
    with pytest.raises(ValueError, match=r"The 'name' parameter of fetch_file\(\) must be a relative path inside the data home"):
        fetch_file(name, url=base + "/x", data_home=home)
    assert not (tmp_path / "escaped.txt").exists() and handler.hits == []


class _ShortHandler(_Handler):
    """Announces 100,000 bytes and sends 108, then closes the connection."""

    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b"x" * 108)
        self.wfile.flush()
        self.close_connection = True


def test_fetch_file_rejects_a_short_response_without_checksum(tmp_path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ShortHandler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/f.csv"
        with pytest.raises(ConnectionError, match=r"received 108 of the 100000 bytes"):
            fetch_file("mine/f.csv", url=url, data_home=tmp_path, timeout=5)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert not (tmp_path / "mine" / "f.csv").exists()
    assert not list((tmp_path / "mine").glob("*.part"))
