"""The data home's tweets that what trendlib ships may be derived from (shared by the build scripts).

Only tweet sets whose SOURCE.md names a permissive licence feed shipped artefacts (model
weights, word lists): the other ``tweets_*`` folders carry no licence, so nothing derived
from them may be redistributed. See docs/attribution.md.
"""

from __future__ import annotations

import glob
import os
import warnings

#: tweet folders of the data home whose SOURCE.md names a permissive licence (MIT)
LICENSED_TWEETS = ("tweets_corona_jakarta_2020", "tweets_kipk_2024", "tweets_prabowogibran2024_2023")


def licensed_tweet_texts() -> list[str]:
    """Distinct texts of the permissively licensed tweet sets of the data home, in file order."""
    import trendlib as tl

    home = tl.datasets.get_data_home()
    texts: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in sorted(p for folder in LICENSED_TWEETS for p in glob.glob(os.path.join(home, folder, "*.csv"))):
            try:
                texts += tl.read_posts(path)["text"].dropna().tolist()
            except Exception:  # edge lists and label files hold no posts
                continue
    return list(dict.fromkeys(t for t in texts if isinstance(t, str)))
