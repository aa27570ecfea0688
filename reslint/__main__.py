"""``python -m reslint``."""

from reslint.cli import run

run()
