"""The notebooks: in sync with their cell lists, committed with outputs, and they run (nbclient).

* fast: every notebook is generated from notebooks/cells/ (no hand edits drift), its first
  code cell is tagged ``parameters``, and the committed copy carries outputs without errors;
* slow: every notebook executes top to bottom on the default data (the simulated summit corpus);
* data + slow: notebooks 2-4 execute on a real Danantara file of the data home (INPUT injected
  after the parameters cell, as papermill does).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _builder():
    spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "scripts" / "build_notebooks.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_there_are_the_notebooks():
    names = [p.name for p in NOTEBOOKS]
    assert len(names) >= 5, names
    for prefix in ("00_", "01_", "02_", "03_", "04_"):
        assert any(n.startswith(prefix) for n in names), prefix


@pytest.mark.parametrize("filename,module", _builder()._load("index").NOTEBOOKS)
def test_committed_notebook_matches_its_cells(filename, module):
    b = _builder()
    expected = b.make(b._load(module).CELLS)
    committed = _read(ROOT / "notebooks" / filename)
    assert ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in committed["cells"]] == [
        c["source"] for c in expected.cells
    ], f"{filename} is stale: run python scripts/build_notebooks.py"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_with_outputs_and_parameters(path):
    nb = _read(path)
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert "parameters" in code[0]["metadata"].get("tags", []), "first code cell must be tagged 'parameters'"
    assert all(c.get("execution_count") for c in code), "committed without running every cell"
    outputs = [o for c in code for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"], "a cell failed when the notebook was built"
    assert any("image/png" in o.get("data", {}) for o in outputs), "no figure in the notebook"
    prose = [c for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert len(prose) >= 5 and sum(len("".join(c["source"])) for c in prose) > 1500, "too little prose"


def _run(path: Path, parameters: dict | None = None):
    b = _builder()
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    if parameters:
        nb = b.inject(nb, parameters)
    b.execute(nb, cwd=path.parent)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    return nb


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_default_data(path):
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    _run(path)


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.parametrize("prefix", ["02_", "03_", "04_"])
def test_notebook_runs_on_a_real_danantara_file(prefix, data_file):
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    real = data_file("tweets_danantara_2025", "danantara_pasca.csv")
    path = next(p for p in NOTEBOOKS if p.name.startswith(prefix))
    nb = _run(path, {"INPUT": str(real)})
    first = next(c for c in nb.cells if c.cell_type == "code" and "posts by" in "".join(o.get("text", "") for o in c.outputs))
    assert "danantara_pasca.csv" in "".join(o.get("text", "") for o in first.outputs)
