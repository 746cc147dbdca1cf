"""Run the command line as `python -m builder`."""

import sys

from .cli import main

sys.exit(main())
