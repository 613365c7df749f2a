"""The report's coordination and network steps run in forked children beside the other steps: same tables, same errors."""

from __future__ import annotations

import os
import sys

import pandas as pd
import pytest

from trendlib import graphs
from trendlib.datasets import load_summit
from trendlib.report import _build

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the child is forked on Linux only")


@pytest.fixture(scope="module")
def summit():
    return load_summit()


@linux
def test_child_result_equals_the_function(summit):
    bg = _build._Background(graphs.coordinated_accounts, summit, enabled=True)
    assert bg.child is not None
    got = bg.result()
    want = graphs.coordinated_accounts(summit)
    pd.testing.assert_frame_equal(got, want)
    assert got.attrs == want.attrs and len(got) > 0
    assert bg.child is None  # joined


@linux
def test_a_failing_child_is_computed_here(summit):
    parent = os.getpid()

    def only_here(posts):
        if os.getpid() != parent:
            raise MemoryError("the child ran out of memory")
        return graphs.coordinated_accounts(posts)

    pd.testing.assert_frame_equal(_build._Background(only_here, summit, enabled=True).result(), graphs.coordinated_accounts(summit))


@linux
def test_an_error_is_raised_as_usual(summit):
    with pytest.raises(ValueError, match="min_accounts"):
        _build._Background(lambda p: graphs.coordinated_accounts(p, min_accounts=1), summit, enabled=True).result()


@linux
def test_cancel_ends_a_child_whose_result_is_not_read(summit):
    bg = _build._Background(graphs.coordinated_accounts, summit, enabled=True)
    child = bg.child
    bg.cancel()
    assert not child.is_alive() and bg.child is None


def test_report_with_two_jobs_has_the_coordination_table(summit):
    posts = summit.head(20000)
    two = _build.build_report(posts, n_jobs=2, progress=False)
    one = _build.build_report(posts, n_jobs=1, progress=False)
    want = graphs.coordinated_accounts(posts)
    assert len(want) > 0
    pd.testing.assert_frame_equal(two.coordinated, want)
    pd.testing.assert_frame_equal(one.coordinated, want)


def test_report_network_steps_beside_equal_those_computed_here(summit):
    import networkx as nx

    posts = summit.head(20000)
    two = _build.build_report(posts, n_jobs=2, progress=False)
    one = _build.build_report(posts, n_jobs=1, progress=False)
    assert nx.utils.graphs_equal(two.interaction, one.interaction) and two.interaction.number_of_nodes() > 1000
    for name in ("communities", "community_table", "influencers"):
        pd.testing.assert_frame_equal(getattr(two, name), getattr(one, name))
    assert two.to_html() == one.to_html()
    if sys.platform.startswith("linux"):  # timed in the child: its steps are named as such
        assert {"interaction (beside)", "communities (beside)", "influencers (beside)"} <= set(two.timings)


@linux
def test_the_child_exits_once_its_result_is_sent_not_when_it_is_asked_for(summit):
    # the result is read by a thread here as soon as it is sent, so the child does not wait
    # (holding its heap) until the report asks for it
    import time

    bg = _build._Background(lambda posts: posts["author"].value_counts(), summit, enabled=True)
    bg.listen()
    deadline = time.monotonic() + 60
    while bg.child.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not bg.child.is_alive() and bg.child.exitcode == 0
    pd.testing.assert_series_equal(bg.result(), summit["author"].value_counts())


@linux
def test_report_leaves_the_collector_unfrozen(summit):
    import gc

    before = gc.get_freeze_count()
    rep = _build.build_report(summit.head(3000), n_jobs=2, progress=False)
    assert gc.get_freeze_count() == before
    assert rep.coordinated is not None
