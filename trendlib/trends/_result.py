"""The result of :func:`trendlib.trends.explain_burst`: small tables with a readable repr.

Why a dataclass and not a dict of tables: in a notebook the explanation should read as
a paragraph (``repr``) and as tables (``_repr_html_``), and the tables stay attributes a
pipeline can save one by one.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import pandas as pd

from .._keys import display_key

__all__ = ["BurstExplanation"]


@dataclass(frozen=True, repr=False)
class BurstExplanation:
    """What was said during a burst, as small tables (returned by :func:`explain_burst`).

    Attributes
    ----------
    key, kind : str
        The burst's key and its key kind (``"hashtag"``, ``"mention"``, ``"term"``...;
        ``by`` is the deprecated name of ``kind``).
    start, end : pandas.Timestamp
        The burst ``[start, end)``.
    counts : pandas.DataFrame
        Index ``before``/``during``: ``start``, ``end``, ``hours``, ``posts``, ``key_posts``,
        ``accounts``, ``top_account_share``, ``effective_accounts`` (of the key posts),
        ``key_posts_per_hour``, ``share``. ``before`` is the reference actually used (see
        ``params["reference"]``).
    terms, phrases, accounts, samples : pandas.DataFrame
        See :func:`explain_burst`.
    """

    key: str
    kind: str
    start: pd.Timestamp
    end: pd.Timestamp
    counts: pd.DataFrame
    terms: pd.DataFrame
    phrases: pd.DataFrame
    accounts: pd.DataFrame
    samples: pd.DataFrame
    params: dict = field(default_factory=dict)

    @property
    def by(self) -> str:
        """Deprecated name of :attr:`kind`."""
        warnings.warn("BurstExplanation.by is deprecated since trendlib 0.2 and will be removed in 0.3; "
                      "use .kind.", FutureWarning, stacklevel=2)
        return self.kind

    @property
    def label(self) -> str:
        return display_key(self.key, self.kind) if self.key else "all posts"

    def _span(self) -> str:
        hours = (self.end - self.start) / pd.Timedelta("1h")
        return f"{self.start:%Y-%m-%d %H:%M} to {self.end:%Y-%m-%d %H:%M} {self.start:%Z} ({hours:g} h)"

    def __repr__(self) -> str:
        d, b = self.counts.loc["during"], self.counts.loc["before"]
        lines = [
            f"BurstExplanation: {self.label}, {self._span()}",
            f"  during: {int(d['key_posts']):,} posts ({d['key_posts_per_hour']:.1f}/h) by "
            f"{int(d['accounts']):,} accounts (effective {d['effective_accounts']:.1f}, top account "
            f"{d['top_account_share']:.0%}); {self.params.get('reference', 'before')}: "
            f"{int(b['key_posts']):,} of {int(b['posts']):,} posts ({b['key_posts_per_hour']:.2f}/h)",
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
