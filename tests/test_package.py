"""The package as a whole: lazy top level, public names resolve, errors share a base."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import trendlib


def test_import_loads_no_heavy_dependency():
    code = (
        "import sys, trendlib, trendlib.text, trendlib.sentiment, trendlib.datasets, trendlib.plot;"
        "heavy = [m for m in ('pandas', 'numpy', 'sklearn', 'matplotlib', 'networkx', 'nltk', 'scipy')"
        " if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("module", ["trendlib", "trendlib.text", "trendlib.sentiment", "trendlib.datasets", "trendlib.plot"])
def test_every_lazy_name_resolves(module):
    mod = importlib.import_module(module)
    for name in mod.__all__:
        assert getattr(mod, name) is not None, f"{module}.{name}"


def test_unknown_attribute_is_a_clear_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        trendlib.nope  # noqa: B018


def test_errors_share_a_base_and_stay_value_errors():
    assert issubclass(trendlib.SchemaError, trendlib.TrendlibError)
    assert issubclass(trendlib.SchemaError, ValueError)
    assert issubclass(trendlib.FormatError, ValueError)
    assert issubclass(trendlib.DataNotFoundError, FileNotFoundError)
