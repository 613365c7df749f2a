"""Just-in-time compilation of the Viterbi kernels with numba (internal).

numba is a required dependency of trendlib (``setup.cfg``): the kernels in
:mod:`._viterbi` are plain Python loops over floats, compiled on first use and cached
on disk, which makes continuous Kleinberg on a million events take well under a second.
There is no silent fallback: a missing numba is an ``ImportError`` naming the fix.

``TRENDLIB_NO_NUMBA=1`` is a debugging switch, not a fallback: it runs the same kernels
as ordinary Python (same results, roughly 100x slower) so a suspected compiler issue can
be checked, and multi-key batched detection then uses the NumPy path vectorised across
keys (``_viterbi._viterbi_many_numpy``, also the reference the tests compare with).

This module is only imported when a kernel is first needed: ``import trendlib.bursts``
does not import numba.
"""

from __future__ import annotations

import os

__all__ = ["jit", "HAVE_NUMBA"]

#: False only under the ``TRENDLIB_NO_NUMBA=1`` debugging switch.
HAVE_NUMBA = not os.environ.get("TRENDLIB_NO_NUMBA")

if HAVE_NUMBA:
    try:
        from numba import njit as _njit
    except ImportError as exc:  # pragma: no cover - numba is in install_requires
        raise ImportError(
            "trendlib.bursts needs numba (a required dependency of trendlib) to compile its "
            "Kleinberg kernels: pip install 'numba>=0.60'. Set TRENDLIB_NO_NUMBA=1 to run them "
            "as (slow) Python instead."
        ) from exc


def jit(func):
    """Compile ``func`` with ``numba.njit(cache=True, nogil=True)`` (plain Python under the switch)."""
    if HAVE_NUMBA:
        return _njit(cache=True, nogil=True)(func)
    return func
