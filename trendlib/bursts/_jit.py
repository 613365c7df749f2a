"""Optional just-in-time compilation of the Viterbi kernels (internal).

The kernels in :mod:`._viterbi` are plain Python loops over floats. When `numba
<https://numba.pydata.org>`_ is installed they are compiled (and cached on disk), which
makes continuous Kleinberg on a million events take well under a second; without it
they run as ordinary Python (same results, roughly 100x slower). Multi-key batched
detection has a NumPy path vectorised across keys that is used when numba is missing.
Set ``TRENDLIB_NO_NUMBA=1`` to force the pure-Python paths.
"""

from __future__ import annotations

import os

try:  # pragma: no cover - depends on the environment
    if os.environ.get("TRENDLIB_NO_NUMBA"):
        raise ImportError
    from numba import njit as _njit

    HAVE_NUMBA = True
except ImportError:  # pragma: no cover
    _njit = None
    HAVE_NUMBA = False

__all__ = ["jit", "HAVE_NUMBA"]


def jit(func):
    """Compile ``func`` with ``numba.njit(cache=True)`` when numba is available."""
    if HAVE_NUMBA:
        return _njit(cache=True, nogil=True)(func)
    return func
