"""Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

For a term ``w`` counted ``y_a`` times in corpus A (``n_a`` tokens) and ``y_b`` times in
corpus B (``n_b`` tokens), with prior pseudo-counts ``alpha_w`` summing to ``alpha0``::

    delta_w = log((y_a + alpha_w) / (n_a + alpha0 - y_a - alpha_w))
            - log((y_b + alpha_w) / (n_b + alpha0 - y_b - alpha_w))
    var_w   ~ 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)
    z_w     = delta_w / sqrt(var_w)

The informative prior is the pooled corpus A + B: ``alpha_w = alpha0 * (y_a + y_b) / (n_a + n_b)``
(``alpha0 = n_a + n_b`` unless given), so rare terms are shrunk towards "no difference"
and a term seen twice in A and never in B does not outrank one seen two hundred times.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_positive

__all__ = ["log_odds"]


def log_odds(
    a: Mapping[Any, float] | pd.Series,
    b: Mapping[Any, float] | pd.Series,
    *,
    prior: float | None = None,
    background: Mapping[Any, float] | pd.Series | None = None,
) -> pd.DataFrame:
    """Log-odds ratio of each term in corpus ``a`` against corpus ``b``, with z-scores.

    Parameters
    ----------
    a, b : mapping or pandas.Series
        Term -> count in each corpus (e.g. a :class:`collections.Counter`). Terms counted
        zero times in both are left out.
    prior : float, optional
        Total prior mass ``alpha0``. Default: the number of tokens in ``a`` and ``b``
        together (the pooled corpus as an informative prior, as in Monroe et al. 2008).
    background : mapping or pandas.Series, optional
        Term counts of a background corpus for the prior shape instead of ``a + b``.
        Terms missing from it get half a count.

    Returns
    -------
    pandas.DataFrame
        Indexed by term: ``count_a``, ``count_b``, ``log_odds`` (``delta``, positive when
        the term is more typical of ``a``), ``se`` and ``z``; sorted by ``z``, highest
        first.

    Examples
    --------
    >>> from collections import Counter
    >>> saat = Counter("danantara bangun negeri danantara investasi negeri".split())
    >>> sebelum = Counter("indonesia gelap kabur aja dulu investasi gelap".split())
    >>> table = log_odds(saat, sebelum)
    >>> table.index[0]
    'danantara'
    >>> bool(table.loc["gelap", "z"] < 0 < table.loc["negeri", "z"])
    True
    """
    ca = pd.Series(a, dtype=float) if not isinstance(a, pd.Series) else a.astype(float)
    cb = pd.Series(b, dtype=float) if not isinstance(b, pd.Series) else b.astype(float)
    table = pd.DataFrame({"count_a": ca, "count_b": cb}).fillna(0.0)
    if (table.to_numpy() < 0).any():
        raise ValueError("log_odds() expects non-negative counts. Got a negative count.")
    n_a, n_b = float(table["count_a"].sum()), float(table["count_b"].sum())
    if n_a == 0 or n_b == 0:
        raise ValueError(
            f"log_odds() needs tokens in both corpora. Got {n_a:.0f} in 'a' and {n_b:.0f} in 'b'."
        )
    if background is None:
        table = table[(table["count_a"] + table["count_b"]) > 0]
        shape = (table["count_a"] + table["count_b"]).to_numpy()
    else:
        bg = pd.Series(background, dtype=float).reindex(table.index).fillna(0.5).clip(lower=0.5)
        shape = bg.to_numpy()
    if len(table) < 2:
        raise ValueError(
            f"log_odds() needs at least two distinct terms with counts. Got {len(table)}."
        )
    alpha0 = n_a + n_b if prior is None else check_positive(prior, name="prior", func="log_odds")
    alpha = alpha0 * shape / shape.sum()
    ya, yb = table["count_a"].to_numpy(), table["count_b"].to_numpy()
    delta = np.log((ya + alpha) / (n_a + alpha0 - ya - alpha)) - np.log(
        (yb + alpha) / (n_b + alpha0 - yb - alpha)
    )
    se = np.sqrt(1.0 / (ya + alpha) + 1.0 / (yb + alpha))
    table["log_odds"] = delta
    table["se"] = se
    table["z"] = delta / se
    table.index.name = "term"
    return table.sort_values(["z", "count_a"], ascending=[False, False], kind="mergesort")
