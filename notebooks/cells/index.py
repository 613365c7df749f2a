"""Which notebooks scripts/build_notebooks.py writes: (file name, module of this folder with CELLS)."""

NOTEBOOKS = [
    ("00_asean_summit_walkthrough.ipynb", "nb00_walkthrough"),
    ("01_text_and_sentiment.ipynb", "nb01_text_sentiment"),
    ("02_trending_and_bursts.ipynb", "nb02_trends"),
    ("03_networks.ipynb", "nb03_networks"),
    ("04_campaign_report.ipynb", "nb04_campaign"),
]
