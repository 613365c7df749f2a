"""The result of :func:`trendlib.trends.explain_burst`: small tables with a readable repr."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

__all__ = ["BurstExplanation"]

_PREFIX = {"hashtag": "#", "mention": "@", "term": "", "author": "@"}


@dataclass(frozen=True, repr=False)
class BurstExplanation:
    """What was said during a burst, as small tables (returned by :func:`explain_burst`).

    Attributes
    ----------
    key, by : str
        The burst's key and what it is (hashtag, mention, term or author).
    start, end : pandas.Timestamp
        The burst ``[start, end)``.
    counts : pandas.DataFrame
        Index ``before``/``during``: ``start``, ``end``, ``hours``, ``posts``, ``key_posts``,
        ``accounts``, ``key_posts_per_hour``, ``share``.
    terms, phrases, accounts, samples : pandas.DataFrame
        See :func:`explain_burst`.
    """

    key: str
    by: str
    start: pd.Timestamp
    end: pd.Timestamp
    counts: pd.DataFrame
    terms: pd.DataFrame
    phrases: pd.DataFrame
    accounts: pd.DataFrame
    samples: pd.DataFrame
    params: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{_PREFIX.get(self.by, '')}{self.key}" if self.key else "all posts"

    def _span(self) -> str:
        hours = (self.end - self.start) / pd.Timedelta("1h")
        return f"{self.start:%Y-%m-%d %H:%M} to {self.end:%Y-%m-%d %H:%M} {self.start:%Z} ({hours:g} h)"

    def __repr__(self) -> str:
        d, b = self.counts.loc["during"], self.counts.loc["before"]
        lines = [
            f"BurstExplanation: {self.label}, {self._span()}",
            f"  during: {int(d['key_posts']):,} posts ({d['key_posts_per_hour']:.1f}/h) by "
            f"{int(d['accounts']):,} accounts; before: {int(b['key_posts']):,} of "
            f"{int(b['posts']):,} posts ({b['key_posts_per_hour']:.2f}/h)",
            "  terms:    " + ", ".join(f"{t} (z={z:.1f})" for t, z in zip(self.terms["term"][:8], self.terms["z"][:8])),
            "  phrases:  " + ", ".join(self.phrases["phrase"][:6]),
            "  accounts: " + ", ".join(f"{a} ({n})" for a, n in zip(self.accounts["author"][:6], self.accounts["posts"][:6])),
            "  samples:",
        ]
        for _, row in self.samples.iterrows():
            text = " ".join(str(row["text"]).split())
            text = text if len(text) <= 100 else text[:99] + "\u2026"
            lines.append(f"    [{row['reason']}] {text}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        import html

        parts = [f"<h4>Burst {html.escape(self.label)}: {html.escape(self._span())}</h4>"]
        for name in ("counts", "terms", "phrases", "accounts", "samples"):
            table: pd.DataFrame = getattr(self, name)
            parts.append(f"<h5>{name}</h5>")
            parts.append(table.head(15).to_html(index=(name == "counts"), escape=True))
        return "\n".join(parts)
