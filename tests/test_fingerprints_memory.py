"""The memory-saving paths of coordination's fingerprints give what the whole-collection paths give.

``text_codes`` expands and hashes words in blocks of posts and reads Arrow-backed columns
without Python strings; ``near_pairs`` compares many posts a time slice at a time;
``column_values`` reads a column's values only at the rows asked for. Each is compared
here with the path it replaces, on the summit corpus's Indonesian posts (real tweets when
the data home is there).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trendlib import graphs
from trendlib.datasets import load_summit
from trendlib.graphs import _fingerprints as fpm
from trendlib.graphs._util import _Rows, column_values


@pytest.fixture(scope="module")
def summit():
    return load_summit()


def _codes_equal(a: tuple, b: tuple) -> None:
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)


def test_text_codes_in_small_blocks_equal_one_block(summit, monkeypatch):
    texts = summit["text"].astype(object)
    whole = fpm.text_codes(texts)
    monkeypatch.setattr(fpm, "_BLOCK_WORDS", 97)  # hundreds of blocks, most cutting mid-stream
    _codes_equal(fpm.text_codes(texts), whole)
    # a post's words and key do not depend on the block it fell in
    indptr, codes, key = whole
    assert len(indptr) == len(texts) + 1 and indptr[-1] == len(codes)
    same = texts.str.lower().duplicated(keep=False).to_numpy()
    assert (key[same] != 0).any()


def test_text_codes_of_an_arrow_column_equal_the_object_column(summit):
    texts = summit["text"].astype(object).copy()
    texts.iloc[3] = None
    texts.iloc[7] = "Mantap!!  #KTTASEAN2023 @setkabgoid https://t.co/x"
    arrow = texts.astype("string[pyarrow]")
    _codes_equal(fpm.text_codes(arrow), fpm.text_codes(texts))
    # a missing text has no words and key 0
    indptr, _, key = fpm.text_codes(arrow)
    assert indptr[4] == indptr[3] and key[3] == 0


def test_text_codes_drop_lone_surrogates_from_object_columns():
    texts = pd.Series(["harga beras naik \ud800 lagi", "harga beras naik lagi"], dtype=object)
    _, _, key = fpm.text_codes(texts)
    assert key[0] == key[1] != 0


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 60), st.integers(0, 2**16))
def test_sliced_near_pairs_equal_one_comparison(summit, slice_rows, seed):
    rng = np.random.default_rng(seed)
    rows = np.sort(rng.choice(len(summit), size=400, replace=False))
    t = np.sort(rng.integers(0, 40 * 60 * 10**9, size=len(rows)))  # 40 minutes: spans overlap slices
    indptr, codes, _ = fpm.text_codes(summit["text"])
    whole = fpm._block_pairs(indptr, codes, rows, t, 0.6, None)
    old = fpm._SLICE_ROWS
    try:
        fpm._SLICE_ROWS = slice_rows
        sliced = fpm.near_pairs(indptr, codes, rows, t, 0.6)
    finally:
        fpm._SLICE_ROWS = old
    _codes_equal(sliced, whole)


def test_coordination_with_small_slices_and_blocks_equals_the_default(summit, monkeypatch):
    default = graphs.coordination_evidence(summit)
    monkeypatch.setattr(fpm, "_SLICE_ROWS", 1000)
    monkeypatch.setattr(fpm, "_BLOCK_WORDS", 5000)
    pd.testing.assert_frame_equal(graphs.coordination_evidence(summit), default)
    pd.testing.assert_frame_equal(graphs.coordination_evidence(summit.astype({"text": "string[pyarrow]", "id": "string[pyarrow]"})),
                                  default)


@pytest.mark.parametrize("dtype", [object, "string[pyarrow]"])
def test_column_values_read_what_to_numpy_reads(dtype):
    s = pd.Series(["akun_a", "Akun_B", "ktt asean", "jakarta macet"] * 40, dtype=dtype)
    values = column_values(s)
    full = s.to_numpy(dtype=object)
    for rows in (np.array([2]), np.arange(0, 160, 3), np.array([], dtype=np.int64), np.arange(160)[::-1]):
        got = values[rows]
        assert got.dtype == object and got.tolist() == full[rows].tolist()
    assert isinstance(values, _Rows) == (dtype != object)


def test_column_values_keep_missing_values_as_astype_str_does():
    s = pd.Series(["1", None, "3"], dtype="string[pyarrow]")
    assert column_values(s, as_str=True).tolist() == s.astype(str).tolist()
    ints = pd.Series([10, 20], dtype="int64[pyarrow]")
    assert column_values(ints, as_str=True).tolist() == ["10", "20"]
