"""SentimentClassifier under hostile conditions: shared between threads, crafted model files.

Issue 11 items 3 and 15: a model shared by four threads must give exactly the serial
output; a model file with a crafted header or arrays must raise FormatError (or load into
a model that works), never TypeError/KeyError/IndexError/... from deep inside.
"""

from __future__ import annotations

import io
import json
import random
import threading
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trendlib.exceptions import FormatError
from trendlib.sentiment import SentimentClassifier


def _distinct_texts(n: int) -> list[str]:
    """``n`` distinct real Indonesian posts: pairs of the bundled sample's posts (our own text)."""
    from trendlib.datasets import load_sample_posts

    base = list(dict.fromkeys(load_sample_posts()["text"].dropna()))
    rng = random.Random(0)
    out: dict[str, None] = {}
    while len(out) < n:
        a, b = rng.sample(base, 2)
        out[f"{a} {b}"] = None
    return list(out)


def _run_threads(clf, texts: list[str], n_threads: int, batch: int) -> list[tuple[np.ndarray, np.ndarray]]:
    results: list = [None] * n_threads
    errors: list[BaseException] = []
    start = threading.Barrier(n_threads)

    def work(k: int) -> None:
        try:
            # each thread walks the batches in its own order, so new words arrive everywhere at once
            order = list(range(0, len(texts), batch))
            random.Random(k).shuffle(order)
            labels = np.empty(len(texts), dtype=object)
            proba = np.empty((len(texts), len(clf.classes_)))
            start.wait()
            for i in order:
                chunk = texts[i : i + batch]
                labels[i : i + batch] = clf.predict(chunk)
                proba[i : i + batch] = clf.predict_proba(chunk)
            results[k] = (labels, proba)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return results


def test_four_threads_equal_serial_output():
    texts = _distinct_texts(16_000)
    serial = SentimentClassifier.pretrained()
    want_labels = serial.predict(texts)
    want_proba = serial.predict_proba(texts)
    shared = SentimentClassifier.pretrained()  # fresh: every word is new to its token cache
    for labels, proba in _run_threads(shared, texts, n_threads=4, batch=500):
        assert (labels == want_labels).all()
        np.testing.assert_allclose(proba, want_proba, rtol=1e-5, atol=1e-7)
    # and the shared model is not left corrupted afterwards
    np.testing.assert_allclose(shared.predict_proba(texts[:2000]), want_proba[:2000], rtol=1e-5, atol=1e-7)


@pytest.mark.data
def test_four_threads_equal_serial_on_real_tweets(data_home):
    import glob

    import trendlib as tl

    texts: list[str] = []
    for path in sorted(glob.glob(str(data_home / "tweets_kipk_2024" / "*.csv"))):
        texts += tl.read_posts(path)["text"].dropna().tolist()
    texts = list(dict.fromkeys(texts))[:4000]
    if len(texts) < 1000:
        pytest.skip("too few tweets in tweets_kipk_2024")
    want = SentimentClassifier.pretrained().predict_proba(texts)
    shared = SentimentClassifier.pretrained()
    for _, proba in _run_threads(shared, texts, n_threads=4, batch=250):
        np.testing.assert_allclose(proba, want, rtol=1e-5, atol=1e-7)


# -- crafted model files ------------------------------------------------------------------

TRAIN_POS = ["makanannya enak banget", "pelayanan ramah, mantap", "suka banget, nyaman dan bersih"]
TRAIN_NEG = ["kecewa, pesanan lama", "aplikasi error terus, parah", "jelek banget, nyesel beli"]


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    clf = SentimentClassifier(char_ngram_range=None, min_df=1, n_features=2**10).fit(
        TRAIN_POS + TRAIN_NEG, ["positive"] * 3 + ["negative"] * 3
    )
    path = clf.save(tmp_path_factory.mktemp("model") / "m.npz")
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    return json.loads(str(arrays.pop("meta"))), arrays


def _write(path, meta, arrays) -> None:
    header = meta if isinstance(meta, str) else json.dumps(meta)
    np.savez(path, meta=np.array(header), **arrays)


def _mutate(obj, path, value):
    """Return a deep copy of JSON ``obj`` with the element at ``path`` set to ``value``
    (or deleted when ``value`` is the sentinel ``...``)."""
    obj = json.loads(json.dumps(obj))
    target = obj
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return obj


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, (*prefix, i))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats(allow_nan=False)
    | st.text(max_size=8) | st.sampled_from(["default", "fit", "balanced", "positive"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=8,
)


def _load_or_format_error(path) -> None:
    try:
        model = SentimentClassifier.load(path)
    except FormatError:
        return
    # whatever loads must also work
    out = model.predict_proba(["pelayanan ramah dan enak", "kecewa berat"])
    assert out.shape == (2, len(model.classes_))
    assert np.isfinite(out).all()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_crafted_headers_raise_format_error(saved, tmp_path, data):
    meta, arrays = saved
    path = data.draw(st.sampled_from([p for p in _paths(meta) if p]))
    value = data.draw(st.just(...) | JSON)
    _write(tmp_path / "x.npz", _mutate(meta, path, value), arrays)
    _load_or_format_error(tmp_path / "x.npz")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_crafted_arrays_raise_format_error(saved, tmp_path, data):
    meta, arrays = saved
    name = data.draw(st.sampled_from(sorted(arrays)))
    kind = data.draw(st.sampled_from(["drop", "shape", "dtype", "values"]))
    arrays = dict(arrays)
    a = arrays[name]
    if kind == "drop":
        del arrays[name]
    elif kind == "shape":
        n = data.draw(st.integers(0, 5))
        arrays[name] = np.resize(a, (n,) if data.draw(st.booleans()) else (n, 2))
    elif kind == "dtype":
        arrays[name] = np.array([data.draw(st.text(max_size=3))] * max(a.size, 1))
    else:
        v = data.draw(st.sampled_from([np.nan, np.inf, -1.0, 2.0**40, 1e9]))
        arrays[name] = np.full(a.shape, v, dtype=np.float64)
    _write(tmp_path / "x.npz", meta, arrays)
    _load_or_format_error(tmp_path / "x.npz")


@pytest.mark.parametrize(
    "header",
    ["[" * 5000 + "]" * 5000, "{not json", json.dumps([1, 2]), json.dumps("x"), "null", '{"format": 1}'],
)
def test_header_that_is_not_a_model_header(saved, tmp_path, header):
    _, arrays = saved
    _write(tmp_path / "x.npz", header, arrays)
    with pytest.raises(FormatError):
        SentimentClassifier.load(tmp_path / "x.npz")


def test_files_that_are_not_npz_archives(saved, tmp_path):
    meta, arrays = saved
    good = tmp_path / "good.npz"
    _write(good, meta, arrays)
    raw = good.read_bytes()
    cases = {
        "truncated.npz": raw[: len(raw) // 2],
        "empty.npz": b"",
        "text.npz": "bukan model\n".encode(),
        "npy.npz": _npy_bytes(np.arange(4)),
        "zip_without_arrays.npz": _zip_bytes({"readme.txt": b"halo"}),
        "zip_with_bad_member.npz": _zip_bytes({"meta.npy": b"\x93NUMPY garbage"}),
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(FormatError):
            SentimentClassifier.load(tmp_path / name)
    with pytest.raises(FileNotFoundError):
        SentimentClassifier.load(tmp_path / "missing.npz")


def _npy_bytes(a) -> bytes:
    buf = io.BytesIO()
    np.save(buf, a)
    return buf.getvalue()


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in members.items():
            z.writestr(k, v)
    return buf.getvalue()


def test_pretrained_file_passes_validation():
    clf = SentimentClassifier.pretrained()
    assert clf.predict(["Pelayanannya ramah, makanannya enak!"]).tolist() == ["positive"]
