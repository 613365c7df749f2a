"""Datasets: the data home, loaders of public Indonesian data, fetchers, synthetic generators.

* ``get_data_home()`` / ``data_path()``: where files are looked for
  (``TRENDLIB_DATA_HOME``, default ``~/.cache/trendlib``).
* ``load_*``: read a dataset already in the data home (upstream file layout).
* ``fetch_*``: download a missing file from its canonical URL, verify its sha256.
* ``make_*``: seeded synthetic generators that also return the truth.
* ``load_sample_posts()``: the bundled ASEAN Summit sample (our own text, ships with trendlib).
* ``make_summit_corpus()`` / ``load_summit()``: the simulated 43rd ASEAN Summit corpus
  (50,000 posts with planted bursts, campaigns and hoaxes, and their truth); the default
  corpus ships as package data so an installed wheel has it.

Names are resolved lazily so that importing this package reads no file.
"""

from __future__ import annotations

from .._lazy import lazy_attributes

from ._home import data_path, get_data_home

# public name -> submodule of trendlib.datasets that defines it
_LAZY = {
    # sentiment / lexicon loaders and fetchers (issue: sentiment)
    "load_smsa": "._sentiment",
    "load_nusax": "._sentiment",
    "load_emot": "._sentiment",
    "load_idsa": "._sentiment",
    "load_inset": "._sentiment",
    "load_kamus_alay": "._sentiment",
    "fetch_smsa": "._fetch",
    "fetch_nusax": "._fetch",
    "fetch_emot": "._fetch",
    "fetch_idsa": "._fetch",
    "fetch_inset": "._fetch",
    "fetch_kamus_alay": "._fetch",
    "fetch_file": "._fetch",
    # posts
    "load_sample_posts": "._posts",
    "load_tweets": "._posts",
    # generators with truth
    "make_bursty_stream": "._synthetic_bursts",
    "make_coordinated_posts": "._synthetic_graphs",
    "make_zipf_posts": "._synthetic_graphs",
    # the simulated summit corpus (issue 13)
    "make_summit_corpus": "._summit",
    "load_summit": "._summit",
}

__getattr__, __dir__, _names = lazy_attributes(__name__, _LAZY)
__all__ = ["get_data_home", "data_path", *_names]
