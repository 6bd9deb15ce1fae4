"""PyInstaller entry point of the bundle: the same command line as ``kiemdiem``."""
import sys

from kiemdiem_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
