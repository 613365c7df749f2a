"""Saving's fast formatting gives the same cells as pandas' own (``report._save._flat``).

Times: ``_time_strings`` writes tz-aware times with NumPy from one pandas string per
(offset, precision) class; the reference is ``DatetimeIndex.astype(str)``, which differs
between pandas versions (fraction digits, sub-minute offsets), so the cases cover those.
Lists: lists of str are joined without ``str()``; anything else as before.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from trendlib.report._save import _flat, _time_strings

_RNG = np.random.default_rng(0)
_SECONDS = _RNG.integers(-2**31, 2**31, 3000) * 10**9


def _index(values, zone=None):
    if isinstance(values, np.ndarray):  # nanoseconds since the epoch
        idx = pd.DatetimeIndex(pd.to_datetime(values, utc=True))
    else:
        idx = pd.DatetimeIndex([pd.Timestamp(v, tz="UTC") for v in values])
    return idx.tz_convert(zone) if zone else idx


TIMES = {
    "whole seconds": _index(_SECONDS, zone="Asia/Jakarta"),
    "midnights": _index(["2023-05-09 17:00:00", "2023-05-10 17:00:00"], zone="Asia/Jakarta"),
    "a half second": _index(["2023-05-09 03:00:05.5", "2023-05-09 03:00:00"], zone="Asia/Jakarta"),
    "milliseconds": _index(_SECONDS + _RNG.choice([0, 254 * 10**6], len(_SECONDS)), zone="Europe/Berlin"),
    "microseconds": _index(_SECONDS + _RNG.choice([0, 254001 * 10**3], len(_SECONDS)), zone="America/New_York"),
    "mixed precision": _index(_SECONDS + _RNG.choice([0, 254 * 10**6, 123456000, 7], len(_SECONDS)), zone="Asia/Makassar"),
    "one nanosecond": _index(["2023-05-09 03:00:05.000000001", "2023-05-09 03:00:00"]),
    "daylight saving": _index(["2023-03-26 00:30", "2023-03-26 01:30", "2023-10-29 00:30", "2023-10-29 01:30"],
                              zone="Europe/Berlin"),
    "local mean time": _index(["1900-01-01 00:00", "2020-01-01", "1900-01-01 00:00:00.5"], zone="Asia/Jakarta"),
    "negative offset": _index(["2020-01-01 00:00", "1960-01-01 00:00:00.25"], zone="America/St_Johns"),
    "fixed offset": _index(["2020-01-01 00:00"], zone="-03:30"),
    "before 1970": _index(["1960-01-01 00:00:00.5", "1969-12-31 23:59:59.999999999"], zone="Asia/Jakarta"),
    "utc": _index(_SECONDS[:50]),
    "empty": pd.DatetimeIndex([], tz="UTC"),
}


@pytest.mark.parametrize("name", list(TIMES))
def test_time_strings_equal_pandas_astype_str(name):
    idx = TIMES[name]
    ref = idx.astype(str).to_numpy(dtype=object)
    out = _time_strings(idx)
    assert out.dtype == object and len(out) == len(ref)
    assert out.tolist() == ref.tolist()
    assert all(type(s) is str for s in out)


@pytest.mark.parametrize("name", ["whole seconds", "mixed precision", "microseconds", "utc"])
def test_time_strings_format_only_one_time_per_class_with_pandas(name, monkeypatch):
    idx = TIMES[name]
    sizes = []
    real = pd.DatetimeIndex.astype

    def spy(self, dtype, *args, **kwargs):
        sizes.append(len(self))
        return real(self, dtype, *args, **kwargs)

    monkeypatch.setattr(pd.DatetimeIndex, "astype", spy)
    _time_strings(idx)
    assert sizes and max(sizes) <= 16 < len(idx)  # (offset, precision) classes, not every time


def _flat_reference(df: pd.DataFrame) -> pd.DataFrame:
    """_flat as it was before the fast paths (the reference)."""
    df = df.copy()
    for col in df.columns:
        if isinstance(df[col].dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(df[col].dtype):
            codes, uniq = pd.factorize(df[col])
            text = np.append(pd.Index(uniq).astype(str).to_numpy(dtype=object), None)
            df[col] = pd.Series(text[codes], index=df.index, dtype=object)
            continue
        if df[col].dtype == object:
            values = df[col].tolist()
            if any(issubclass(t, (list, tuple, set)) for t in set(map(type, values))):
                df[col] = pd.Series([" ".join(map(str, v)) if isinstance(v, (list, tuple, set)) else v for v in values],
                                    index=df.index, dtype=object)
    return df


def test_flat_equals_the_reference_on_posts_like_columns():
    n = 6
    df = pd.DataFrame({
        "time": pd.Series(TIMES["mixed precision"][:n]).where(lambda s: s.index != 2),  # one missing time
        "naive": pd.date_range("2023-01-01", periods=n, freq="D"),
        "hashtags": [["a", "b"], [], ["c"], ["d", "e", "f"], [], ["g"]],
        "tuples": [("a",), (), ("b", "c"), ("d",), (), ()],
        "mixed": [["a", 1], [], [2.5, "b"], ["c"], [None], []],
        "sets": [{"a"}, set(), {"b"}, set(), {"c"}, set()],
        "some lists": [["a"], None, float("nan"), "text", ["b", "c"], []],
        "text": ["x", "=y", None, "z", "w", "v"],
        "n": np.arange(n),
    })
    out, ref = _flat(df), _flat_reference(df)
    assert out.equals(ref)
    for col in df.columns:
        assert out[col].tolist() == ref[col].tolist(), col


def _files(folder) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_scored_posts_written_by_a_child_process_are_the_same_bytes(sample_report, tmp_path, monkeypatch):
    from trendlib.report import _save

    one = tmp_path / "one"
    files_one = sample_report.save(one, figures=False)
    monkeypatch.setattr(_save, "_POSTS_FORK_MIN", 0)  # the sample's posts go to a child too
    monkeypatch.setattr(_save, "_FORK_MIN", 0)  # and the networks to another
    two = tmp_path / "two"
    files_two = sample_report.save(two, figures=False)
    assert _files(one) == _files(two)
    assert [p.name for p in files_one] == [p.name for p in files_two]
    assert "posts_scored.csv" in _files(two) and not any(p.suffix == ".part" for p in two.iterdir())


def test_a_failed_posts_child_is_replaced_by_writing_here(sample_report, tmp_path, monkeypatch):
    import sys

    from trendlib.report import _save

    one = tmp_path / "one"
    sample_report.save(one, figures=False)
    monkeypatch.setattr(_save, "_POSTS_FORK_MIN", 0)
    monkeypatch.setattr(_save, "_posts_child", lambda path, posts, esc: sys.exit(1))
    two = tmp_path / "two"
    sample_report.save(two, figures=False, escape_formulas=False)
    three = tmp_path / "three"
    sample_report.save(three, figures=False)
    assert _files(one) == _files(three)
    raw = _files(two)
    assert raw.keys() == _files(one).keys() and not any(p.suffix == ".part" for p in two.iterdir())


def test_a_failure_while_saving_leaves_no_posts_file_behind(sample_report, tmp_path, monkeypatch):
    from trendlib.report import _save

    monkeypatch.setattr(_save, "_POSTS_FORK_MIN", 0)
    real = _save._flat

    def broken(df):
        if "polarity" not in df.columns:  # the other tables, made here while the child writes the posts
            raise RuntimeError("disk full")
        return real(df)

    monkeypatch.setattr(_save, "_flat", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        sample_report.save(tmp_path / "out", figures=False)
    assert not (tmp_path / "out").exists()


# the CSV writer: Arrow's, read back equal to what pandas' to_csv wrote; pandas' where Arrow refuses

def _read(path):
    return pd.read_csv(path, keep_default_na=False, dtype=str)


def test_csv_writer_reads_back_as_pandas_wrote_it(tmp_path):
    from trendlib.report._save import _write_csv

    df = _flat(pd.DataFrame({
        "author": ["budi", "sari, jkt", 'kata "ktt"', None],
        "text": ["KTT ASEAN\nhari ini", "macet banget di Senayan", "", "🇮🇩 bangga"],
        "hashtags": [["kttasean2023", "asean2023"], [], ["asean"], []],
        "is_retweet": [True, False, True, False],
        "maybe": pd.array([True, None, False, True], dtype="boolean"),
        "likes": pd.array([3, None, 0, 12], dtype="Int64"),
        "polarity": [0.375, -0.5, np.nan, 1e-7],
        "time": pd.to_datetime(["2023-09-05 01:00:00", "2023-09-05 02:30:05.500", None, "2023-09-06 00:00:00"], utc=True,
                              format="ISO8601"),
    }))
    _write_csv(df, tmp_path / "arrow.csv")
    df.to_csv(tmp_path / "pandas.csv", index=False)
    got, want = _read(tmp_path / "arrow.csv"), _read(tmp_path / "pandas.csv")
    assert list(got.columns) == list(want.columns)
    assert got["is_retweet"].tolist() == ["True", "False", "True", "False"]
    assert got["maybe"].tolist() == ["True", "", "False", "True"]
    assert got["text"].tolist() == ["KTT ASEAN\nhari ini", "macet banget di Senayan", "", "🇮🇩 bangga"]
    # parsed as a user would read them: the same table
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "arrow.csv"), pd.read_csv(tmp_path / "pandas.csv"))


@pytest.mark.parametrize("column", [
    ["satu", 2, 3.5],                    # mixed Python objects: Arrow refuses the column
    ["ok", "lone \ud800 surrogate", "x"],  # not valid Unicode: replaced, not fatal
])
def test_csv_writer_falls_back_to_pandas_where_arrow_refuses(tmp_path, column):
    from trendlib.report._save import _write_csv

    path = tmp_path / "t.csv"
    _write_csv(pd.DataFrame({"v": pd.Series(column, dtype=object), "n": [1, 2, 3]}), path)
    got = _read(path)
    assert got["n"].tolist() == ["1", "2", "3"]
    assert got["v"].iloc[0] in ("satu", "ok") and len(got) == 3


def test_scored_posts_written_in_slices_are_the_same_bytes(sample_report, tmp_path, monkeypatch):
    from trendlib.report import _save

    posts = sample_report.posts.drop(columns=["tokens"])
    _save._write_csv(_save.escape_formulas(_flat(posts)), tmp_path / "whole.csv")
    monkeypatch.setattr(_save, "_POSTS_CHUNK", 7)  # many slices, the last one short
    assert len(posts) > 7 * 3 and len(posts) % 7
    _save._write_posts_csv(posts, tmp_path / "slices.csv", _save.escape_formulas)
    assert (tmp_path / "slices.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
