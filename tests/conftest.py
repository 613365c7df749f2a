"""Shared fixtures: the data home (real files, skipped cleanly when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None, max_examples=50)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def _data_home() -> Path | None:
    value = os.environ.get("TRENDLIB_DATA_HOME")
    if not value:
        return None
    path = Path(value).expanduser().resolve()
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def data_home() -> Path:
    """The data home holding the real datasets; skips the test when it is not set."""
    home = _data_home()
    if home is None:
        pytest.skip("TRENDLIB_DATA_HOME is not set to a folder with the real datasets")
    return home


@pytest.fixture(scope="session")
def data_file(data_home):
    """Return a function ``data_file("tweets_kipk_2024", "scraped_data.csv")`` -> Path.

    Skips the test when that file is not in the data home.
    """

    def _get(*parts: str) -> Path:
        path = data_home.joinpath(*parts)
        if not path.exists():
            pytest.skip(f"{'/'.join(parts)} not in the data home {data_home}")
        return path

    return _get


@pytest.fixture(scope="module")
def sample_report():
    """The report of the bundled sample posts (built once per test module that asks)."""
    from trendlib.datasets import load_sample_posts
    from trendlib.report import build_report

    return build_report(load_sample_posts(), progress=False)


def pytest_collection_modifyitems(config, items):
    """Mark every test that reads the data home as ``data`` (so ``-m "not data"`` is honest)."""
    for item in items:
        if {"data_home", "data_file"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.data)
