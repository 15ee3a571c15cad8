"""Imports différés des dépendances lourdes, pour une CLI qui démarre vite."""

from __future__ import annotations

import sys
from types import ModuleType


def importer_igraph() -> ModuleType:
    """Le module ``igraph``, importé sans ``matplotlib.pyplot``.

    ``import igraph`` charge ``matplotlib.pyplot`` pour ses dessins (environ 0,5 s sur
    2 cœurs, la moitié de ``reseau carte`` sur le jeu de référence), dont ``reseau`` ne se
    sert pas : si matplotlib n'est pas encore chargé, on le masque le temps de l'import.
    Les dessins d'igraph par matplotlib sont alors indisponibles ; ``import matplotlib``
    reste possible ensuite (figures).

    >>> importer_igraph().Graph(3).vcount()
    3
    """
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # type: ignore[assignment]  # fait échouer son import
    try:
        import igraph
    finally:
        del sys.modules["matplotlib"]
    return igraph
