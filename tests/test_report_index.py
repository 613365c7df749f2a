"""The report's shared key occurrences (``trendlib.counts.PostIndex``) give the same tables
as the plain functions, and a report saved with its networks written by a second process
is the same bytes as one written in a single process."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from trendlib.bursts import detect_bursts
from trendlib.counts import PostIndex, _keys_per_post, count, sub_accounts
from trendlib._keys import account_codes, clean_key
from trendlib.report._summary import top_terms
from trendlib.text import add_tokens
from trendlib.trends import explain_burst


def _tokened(posts: pd.DataFrame) -> pd.DataFrame:
    return add_tokens(posts.reset_index(drop=True), stopwords="topic")


def _same_tables(posts: pd.DataFrame, freq: str) -> int:
    """Every shared-occurrence path against its plain function; returns bursts compared."""
    index = PostIndex(posts)
    n_bursts = 0
    for kind, min_count in (("hashtag", 1), ("term", 5)):
        plain = count(posts, key=kind, freq=freq, min_count=min_count)
        shared = count(posts, key=kind, freq=freq, min_count=min_count, _index=index)
        assert_frame_equal(plain, shared)
        assert plain.attrs == shared.attrs
        b_plain = detect_bursts(plain, posts=posts)
        b_shared = detect_bursts(plain, posts=posts, _index=index)
        assert_frame_equal(b_plain, b_shared)
        for i in range(min(3, len(b_plain))):
            row = b_plain.iloc[i]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    e_plain = explain_burst(posts, row, key=kind)
                except ValueError:
                    with pytest.raises(ValueError):
                        explain_burst(posts, row, key=kind, _index=index)
                    continue
                e_shared = explain_burst(posts, row, key=kind, _index=index)
            for table in ("counts", "terms", "phrases", "accounts", "samples"):
                assert_frame_equal(getattr(e_plain, table), getattr(e_shared, table))
            n_bursts += 1
        # the cards' (post, key) pairs: every key a post carries, once, keys cleaned and sorted
        rows, codes, keys = index.occurrences(kind)
        idx, vals = _keys_per_post(posts, kind)
        expect = sorted(set(zip(idx.tolist(), (clean_key(v, kind) for v in vals))))
        assert sorted(zip(rows.tolist(), keys[codes].tolist())) == expect
        assert list(keys) == sorted(set(keys)) and np.all(np.diff(rows) >= 0)
    assert_frame_equal(top_terms(posts, top=None), top_terms(posts, top=None, _index=index))
    return n_bursts


def test_shared_occurrences_give_the_plain_tables_on_the_sample():
    from trendlib.datasets import load_sample_posts

    assert _same_tables(_tokened(load_sample_posts()), "3h") >= 4


def test_shared_occurrences_give_the_plain_tables_on_a_real_scrape(data_file):
    from trendlib import read_posts

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = read_posts(data_file("tweets_danantara_2025", "danantara_pasca.csv"))
    assert _same_tables(_tokened(posts), "1h") >= 4


def test_an_index_of_other_posts_is_not_used():
    from trendlib.datasets import load_sample_posts

    posts = _tokened(load_sample_posts())
    other = PostIndex(posts.iloc[::-1].reset_index(drop=True))
    assert_frame_equal(count(posts, key="term", freq="3h"), count(posts, key="term", freq="3h", _index=other))
    assert_frame_equal(top_terms(posts), top_terms(posts, _index=other))


def test_sub_accounts_numbers_accounts_as_account_codes_does():
    handles = pd.Series(["@Budi", "ani", None, "budi", "Cici", "ANI", "dedi"])
    mask = np.array([False, True, True, True, True, True, False])
    got = sub_accounts(*account_codes(handles), mask)
    want = account_codes(handles[mask])
    assert got[0].tolist() == want[0].tolist() and got[1].tolist() == want[1].tolist()


def _files(folder) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_networks_written_by_a_child_process_are_the_same_bytes(sample_report, tmp_path, monkeypatch):
    from trendlib.report import _save

    one = tmp_path / "one"
    sample_report.save(one, figures=False)
    monkeypatch.setattr(_save, "_FORK_MIN", 0)  # the sample's networks go to a child too
    two = tmp_path / "two"
    sample_report.save(two, figures=False)
    assert _files(one) == _files(two)
    assert "interaction_graph.gexf" in _files(two) and not any(p.suffix == ".part" for p in two.iterdir())


def test_a_failed_child_is_replaced_by_writing_here(sample_report, tmp_path, monkeypatch):
    import sys

    from trendlib.report import _save

    one = tmp_path / "one"
    sample_report.save(one, figures=False)
    monkeypatch.setattr(_save, "_FORK_MIN", 0)
    monkeypatch.setattr(_save, "_child", lambda networks: sys.exit(1))
    two = tmp_path / "two"
    sample_report.save(two, figures=False)
    assert _files(one) == _files(two)


def test_a_failure_while_saving_leaves_no_network_behind(sample_report, tmp_path, monkeypatch):
    from trendlib.report import _save

    monkeypatch.setattr(_save, "_FORK_MIN", 0)

    def broken(df):
        raise RuntimeError("disk full")

    monkeypatch.setattr(_save, "_flat", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        sample_report.save(tmp_path / "out", figures=False)
    assert not (tmp_path / "out").exists()


def test_formula_escaping_is_the_same_for_arrow_and_object_strings():
    from trendlib.report._save import escape_formulas

    values = ["=SUM(A1)", "budi", None, "+62", "-", "@ani", "\tx", "aman", "'=x"]
    arrow = pd.DataFrame({"a": pd.Series(values, dtype="string[pyarrow]")})
    plain = pd.DataFrame({"a": pd.Series(values, dtype=object)})
    got, want = escape_formulas(arrow)["a"].tolist(), escape_formulas(plain)["a"].tolist()
    assert got[:2] == want[:2] == ["'=SUM(A1)", "budi"] and got[3:] == want[3:]
    assert pd.isna(got[2]) and pd.isna(want[2])
    assert got[3:7] == ["'+62", "'-", "'@ani", "'\tx"]
