"""``python -m trendlib``: the command-line interface (see :mod:`trendlib.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
