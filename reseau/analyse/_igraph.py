"""Imports différés des dépendances lourdes, pour une CLI qui démarre vite."""

from __future__ import annotations

import sys
from types import ModuleType

# Modules qu'``import igraph`` chargerait sans que reseau s'en serve : matplotlib.pyplot (dessins,
# ≈ 0,5 s) et wcwidth (largeur des caractères dans les tableaux texte de texttable, ≈ 10 ms ;
# texttable se rabat alors sur unicodedata).
_MASQUES = ("matplotlib", "wcwidth")


def importer_igraph() -> ModuleType:
    """Le module ``igraph``, importé sans ``matplotlib.pyplot`` ni ``wcwidth``.

    ``import igraph`` charge ``matplotlib.pyplot`` pour ses dessins (environ 0,5 s sur
    2 cœurs, la moitié de ``reseau carte`` sur le jeu de référence), dont ``reseau`` ne se
    sert pas : si matplotlib n'est pas encore chargé, on le masque le temps de l'import (de
    même pour wcwidth). Les dessins d'igraph par matplotlib sont alors indisponibles ;
    ``import matplotlib`` reste possible ensuite (figures).

    >>> importer_igraph().Graph(3).vcount()
    3
    """
    if "igraph" in sys.modules:
        import igraph

        return igraph
    masques = [nom for nom in _MASQUES if nom not in sys.modules]
    if "matplotlib" not in masques:  # déjà chargé : igraph peut s'en servir, comme avant
        masques = []
    for nom in masques:
        sys.modules[nom] = None  # type: ignore[assignment]  # fait échouer son import
    try:
        import igraph
    finally:
        for nom in masques:
            del sys.modules[nom]
    return igraph
