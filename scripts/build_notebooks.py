"""Write (and execute) the notebooks in notebooks/ from the cell lists in notebooks/cells/.

    python scripts/build_notebooks.py              # write and execute every notebook
    python scripts/build_notebooks.py --no-execute # write only (outputs empty)
    python scripts/build_notebooks.py 02           # only notebooks whose name contains "02"

Why generated: the code stays reviewable and diff-friendly here; the committed notebooks
carry their outputs on the default data (the simulated summit corpus) so they read top to
bottom on GitHub. Each notebook's first code cell is tagged ``parameters`` (papermill
convention): ``INPUT = None`` means the summit corpus with its truth; a path runs the same
notebook on the user's own tweet-harvest or twarc2 file (tests/test_notebooks.py does that
with a Danantara file of the data home).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CELLS = ROOT / "notebooks" / "cells"


def _load(name: str):
    if str(CELLS) not in sys.path:
        sys.path.insert(0, str(CELLS))
    spec = importlib.util.spec_from_file_location(name, CELLS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def make(cells):
    """A notebook (nbformat v4) from ``[(kind, source), ...]``; the first code cell is tagged parameters."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    tagged = False
    for i, (kind, src) in enumerate(cells):
        src = src.strip("\n")
        if kind == "md":
            cell = nbformat.v4.new_markdown_cell(src)
        else:
            cell = nbformat.v4.new_code_cell(src)
            if not tagged:
                cell.metadata["tags"] = ["parameters"]
                tagged = True
        cell["id"] = f"c{i:02d}"  # stable ids: no random diffs between builds
        nb.cells.append(cell)
    return nb


def inject(nb, parameters: dict):
    """A copy of ``nb`` with an ``injected-parameters`` cell after the parameters cell (papermill's way)."""
    import copy

    import nbformat

    out = copy.deepcopy(nb)
    src = "# Parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    cell = nbformat.v4.new_code_cell(src)
    cell.metadata["tags"] = ["injected-parameters"]
    cell["id"] = "injected"
    at = next(i for i, c in enumerate(out.cells) if "parameters" in c.metadata.get("tags", []))
    out.cells.insert(at + 1, cell)
    return out


def execute(nb, *, cwd: Path, timeout: int = 1200):
    """Run every cell with nbclient (figures inline: the notebooks say ``%matplotlib inline``)."""
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return nb


def main(argv=None) -> int:
    import nbformat

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("only", nargs="*", help="build only notebooks whose file name contains one of these")
    ap.add_argument("--no-execute", action="store_true")
    args = ap.parse_args(argv)
    index = _load("index")
    for filename, module in index.NOTEBOOKS:
        if args.only and not any(o in filename for o in args.only):
            continue
        nb = make(_load(module).CELLS)
        path = ROOT / "notebooks" / filename
        if not args.no_execute:
            execute(nb, cwd=path.parent)
        nbformat.write(nb, path)
        print(f"wrote {path.relative_to(ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
