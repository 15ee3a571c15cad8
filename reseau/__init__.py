"""reseau — analyse et cartographie des réseaux de l'économie sociale et solidaire.

>>> import reseau
>>> G = reseau.charger()
>>> G.number_of_nodes() >= 80
True
"""

from __future__ import annotations

from .chargement import Validation, charger, valider
from .erreurs import (
    CheminIntrouvable,
    DesignationAmbigue,
    DonneesInvalides,
    ErreurReseau,
    OrganisationIntrouvable,
    ParametreInvalide,
    Probleme,
)
from .graphe import filtrer, projection

__version__ = "0.1.0"

__all__ = [
    "CheminIntrouvable",
    "DesignationAmbigue",
    "DonneesInvalides",
    "ErreurReseau",
    "OrganisationIntrouvable",
    "ParametreInvalide",
    "Probleme",
    "Validation",
    "__version__",
    "charger",
    "filtrer",
    "projection",
    "valider",
]
