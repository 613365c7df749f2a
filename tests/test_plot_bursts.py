"""trendlib.plot.timeline / burst_chart: smoke tests on Agg, spans match the burst table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

import trendlib  # noqa: E402
from trendlib.plot import burst_chart, timeline  # noqa: E402

TZ = "Asia/Jakarta"


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def counts_table():
    bins = pd.date_range("2023-09-04 00:00", periods=72, freq="1h", tz=TZ)
    rng = np.random.default_rng(7)
    parts = []
    for key, lam in [("kttasean", 2), ("macet", 5), ("banjir", 1), ("timnas", 3)]:
        c = rng.poisson(lam, len(bins))
        if key == "kttasean":
            c[30:36] += 40
        if key == "banjir":
            c[50:53] += 25
        parts.append(pd.DataFrame({"time": bins, "key": key, "count": c}))
    counts = pd.concat(parts, ignore_index=True)
    counts["total"] = counts.groupby("time")["count"].transform("sum")
    counts.attrs.update(freq="1h", tz=TZ, by="hashtag")
    return counts, bins


def burst_table(bins):
    return pd.DataFrame(
        {
            "key": ["kttasean", "kttasean", "banjir"],
            "start": [bins[30], bins[32], bins[50]],
            "end": [bins[36], bins[34], bins[53]],
            "peak_time": [bins[33], bins[33], bins[51]],
            "score": [9.0, 9.0, 4.0],
            "level": [1, 2, 1],
        },
        index=[10, 11, 12],
    )


def spans(ax):
    """gid -> (x0, x1) in data coordinates of every drawn burst."""
    out = {}
    for artist in list(ax.patches) + list(ax.collections):
        gid = artist.get_gid()
        if not (gid and str(gid).startswith("burst:")):
            continue
        if hasattr(artist, "get_paths") and not hasattr(artist, "get_patch_transform"):
            xs = np.concatenate([p.vertices[:, 0] for p in artist.get_paths()])
        else:
            xs = artist.get_patch_transform().transform(artist.get_path().vertices)[:, 0]
        out[gid] = (xs.min(), xs.max())
    return out


def as_num(ts):
    return mdates.date2num(pd.Timestamp(ts).tz_convert("UTC").tz_localize(None).to_pydatetime())


def test_timeline_shades_each_burst_exactly():
    counts, bins = counts_table()
    bursts = burst_table(bins)
    ax = timeline(counts, bursts)
    labels = ax.get_legend_handles_labels()[1]
    assert labels[:2] == ["#kttasean", "#banjir"]  # keys with bursts first, strongest first
    got = spans(ax)
    assert set(got) == {f"burst:{k}:{i}" for i, k in zip(bursts.index, bursts["key"])}
    for idx, row in bursts.iterrows():
        x0, x1 = got[f"burst:{row['key']}:{idx}"]
        assert x0 == pytest.approx(as_num(row["start"]))
        assert x1 == pytest.approx(as_num(row["end"]))
    # the line of a key and its spans share a colour
    line = {ln.get_label(): ln.get_color() for ln in ax.get_lines()}
    span = next(p for p in ax.patches if p.get_gid() == "burst:banjir:12")
    assert mpl.colors.same_color(span.get_facecolor()[:3], line["#banjir"])
    # the plotted values are the counts
    y = ax.get_lines()[0].get_ydata()
    expected = counts[counts.key == "kttasean"].sort_values("time")["count"].to_numpy()
    np.testing.assert_array_equal(y, expected)


def test_timeline_keys_share_and_given_axes():
    counts, bins = counts_table()
    fig, ax = plt.subplots()
    out = timeline(counts, keys="macet", ax=ax, share=True, legend=False)
    assert out is ax
    y = ax.get_lines()[0].get_ydata()
    sub = counts[counts.key == "macet"].sort_values("time")
    np.testing.assert_allclose(y, sub["count"] / sub["total"])
    assert ax.get_ylabel() == "share of posts"
    counts.attrs["freq"] = pd.Timedelta("1h")  # as trendlib.count() writes it
    assert timeline(counts).get_ylabel() == "posts per 1h"
    counts.attrs["freq"] = pd.Timedelta("15min")
    assert timeline(counts).get_ylabel() == "posts per 15min"
    default = timeline(counts, top=2)
    totals = counts.groupby("key")["count"].sum().sort_values(ascending=False)
    assert [ln.get_label() for ln in default.get_lines()] == ["#" + k for k in totals.index[:2]]


def tick_labels(ax):
    ax.figure.canvas.draw()
    return [(x, t.get_text()) for x, t in zip(ax.get_xticks(), ax.get_xticklabels())]


@pytest.mark.parametrize("tz", [None, "UTC", "WITA"])
def test_dates_are_shown_in_the_counts_time_zone(tz):
    counts, bins = counts_table()
    ax = timeline(counts, tz=tz, ax=plt.subplots(figsize=(12, 3))[1])
    shown = {None: TZ, "UTC": "UTC", "WITA": "Asia/Makassar"}[tz]
    assert ax.get_xlabel() == f"time ({shown})"
    hhmm = [(x, t) for x, t in tick_labels(ax) if len(t) == 5 and t[2] == ":"]
    assert len(hhmm) >= 3
    for x, text in hhmm:
        assert mdates.num2date(x, tz=shown).strftime("%H:%M") == text
    # the first bin of the counts (midnight WIB) is where the line starts
    assert ax.get_lines()[0].get_xdata()[0] == pytest.approx(as_num(bins[0]))


def test_burst_chart_rows_levels_and_spans():
    counts, bins = counts_table()
    bursts = burst_table(bins)
    ax = burst_chart(bursts)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["kttasean", "banjir"]
    got = spans(ax)
    assert len(got) == 3
    for idx, row in bursts.iterrows():
        x0, x1 = got[f"burst:{row['key']}:{idx}"]
        assert x0 == pytest.approx(as_num(row["start"]))
        assert x1 == pytest.approx(as_num(row["end"]))
    # level 2 is drawn darker than level 1, on top of it
    colls = {c.get_gid(): c for c in ax.collections if str(c.get_gid()).startswith("burst:")}
    light = colls["burst:kttasean:10"].get_facecolor()[0]
    dark = colls["burst:kttasean:11"].get_facecolor()[0]
    assert sum(dark[:3]) < sum(light[:3])
    order = [c.get_gid() for c in ax.collections if str(c.get_gid()).startswith("burst:")]
    assert order.index("burst:kttasean:11") > order.index("burst:kttasean:10")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["level 1", "level 2"]


def test_burst_chart_without_level_or_score_and_empty():
    t = pd.Timestamp("2024-04-29 08:00", tz=TZ)
    bursts = pd.DataFrame({"key": ["kipk", "snbp"], "start": [t, t], "end": [t + pd.Timedelta("5h"), t + pd.Timedelta("1h")]})
    ax = burst_chart(bursts, keys=["snbp", "kipk"])
    assert [x.get_text() for x in ax.get_yticklabels()] == ["snbp", "kipk"]
    assert ax.get_legend() is None
    empty = burst_chart(bursts.iloc[:0])
    assert any(txt.get_text() == "no bursts" for txt in empty.texts)


def test_errors():
    counts, bins = counts_table()
    with pytest.raises(trendlib.SchemaError, match="timeline"):
        timeline(counts.drop(columns="count"))
    with pytest.raises(trendlib.SchemaError, match="total"):
        timeline(counts.drop(columns="total"), share=True)
    with pytest.raises(ValueError, match="'keys' parameter of timeline"):
        timeline(counts, keys=["tidakada"])
    with pytest.raises(trendlib.SchemaError, match="burst_chart"):
        burst_chart(pd.DataFrame({"key": ["a"]}))
    bad = burst_table(bins)
    bad.loc[10, "end"] = bins[0]
    with pytest.raises(ValueError, match="end >= start"):
        burst_chart(bad)
    with pytest.raises(ValueError, match="'top' parameter"):
        timeline(counts, top=0)


def test_real_counts_and_bursts_when_available():
    """End to end with the library's own counts and detector, when both are present."""
    pytest.importorskip("trendlib.counts")
    bursts_mod = pytest.importorskip("trendlib.bursts")
    if not hasattr(bursts_mod, "detect_bursts"):
        pytest.skip("trendlib.bursts.detect_bursts not available yet")
    counts, bins = counts_table()
    counts.attrs["freq"] = pd.Timedelta("1h")  # as trendlib.count() writes it
    found = bursts_mod.detect_bursts(counts)
    ax = timeline(counts, found)
    assert len(spans(ax)) == int(found["key"].isin([ln.get_label()[1:] for ln in ax.get_lines()]).sum())
    assert found["key"].isin(["kttasean", "banjir"]).any()
    ax2 = burst_chart(found)
    rows = [t.get_text() for t in ax2.get_yticklabels()]
    assert len(spans(ax2)) == int(found["key"].astype(str).isin(rows).sum())
