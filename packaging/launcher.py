"""Entry script of the frozen build: the same ``main`` as the installed ``slant`` command."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
