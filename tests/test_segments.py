"""trendlib._segments: the compiled per-post passes equal the hashing and sorting they replace."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from trendlib._segments import first_use, in_post_order, unique_pairs


@st.composite
def _occurrences(draw):
    n_codes = draw(st.integers(1, 60))
    sizes = draw(st.lists(st.integers(0, 50), max_size=40))  # some posts empty, some long
    post = np.repeat(np.arange(len(sizes)), sizes) * draw(st.integers(1, 3))  # gaps in post numbers
    codes = np.asarray(draw(st.lists(st.integers(0, n_codes - 1), min_size=len(post), max_size=len(post))), dtype=np.int64)
    return post.astype(np.int64), codes, n_codes


@settings(max_examples=200, deadline=None)
@given(_occurrences())
def test_first_use_is_not_duplicated(occ):
    post, codes, n = occ
    want = ~pd.Series(post * n + codes).duplicated().to_numpy()
    np.testing.assert_array_equal(first_use(post, codes, n), want)


@settings(max_examples=200, deadline=None)
@given(_occurrences())
def test_unique_pairs_are_the_sorted_distinct_pairs(occ):
    post, codes, n = occ
    want = np.unique(post * n + codes)
    got_p, got_c = unique_pairs(post, codes, n)
    np.testing.assert_array_equal(got_p * n + got_c, want)
    assert got_p.dtype == np.int64 and got_c.dtype == np.int64


def test_real_tokens_of_the_sample(sample_report):
    from trendlib.counts import token_codes

    rows, codes, vocab, _ = token_codes(sample_report.posts["tokens"].tolist())
    assert in_post_order(rows) and len(codes) > 2_000
    np.testing.assert_array_equal(first_use(rows, codes, len(vocab)),
                                  ~pd.Series(rows * len(vocab) + codes).duplicated().to_numpy())
    p, c = unique_pairs(rows, codes, len(vocab))
    np.testing.assert_array_equal(p * len(vocab) + c, np.unique(rows * len(vocab) + codes))


def test_post_order():
    assert in_post_order(np.array([0, 0, 1, 3, 3]))
    assert in_post_order(np.array([], dtype=np.int64))
    assert not in_post_order(np.array([0, 2, 1]))
