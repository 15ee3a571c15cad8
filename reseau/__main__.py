"""Permet ``python -m reseau``."""

from .cli import main

main()
