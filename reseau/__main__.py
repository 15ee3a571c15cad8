"""Permet ``python -m reseau``."""

from .cli.commandes import main

main()
