"""Entry point of the packaged app: the same CLI, opening the window when given no command."""

import sys

from reader.cli import main

sys.exit(main())
