"""Cells every analysis notebook starts with: the tagged parameters cell and the loading cell."""

PARAMETERS = '''# Parameters (papermill): point INPUT at your own tweet-harvest / twarc2 / snscrape file to
# run this notebook on it, e.g. `papermill this.ipynb out.ipynb -p INPUT my_scrape.csv`.
INPUT = None           # None: the simulated 43rd ASEAN Summit corpus shipped with trendlib (with truth)
TZ = "Asia/Jakarta"    # zone for binning and display (WIB)
FREQ = "1h"            # time bin'''

LOAD = '''%matplotlib inline
import warnings
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import trendlib as tl
from trendlib import text, sentiment, graphs, plot

pd.set_option("display.max_colwidth", 90)
pd.set_option("display.width", 160)
if INPUT is None:
    posts, truth = tl.datasets.load_summit(return_truth=True)
    source = "the simulated summit corpus (a simulation with known truth, not real posts)"
else:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = tl.read_posts(INPUT)
    truth = None
    source = str(INPUT)
local = posts["time"].dt.tz_convert(TZ)
print(f"{len(posts):,} posts by {posts['author'].nunique():,} accounts from {source}")
print(f"{local.min():%d %b %Y %H:%M} - {local.max():%d %b %Y %H:%M} ({TZ}); "
      f"{posts['is_retweet'].mean():.0%} retweets, {posts['reply_to'].notna().mean():.0%} replies, "
      f"{(posts['hashtags'].str.len() > 0).mean():.0%} with a hashtag")'''
