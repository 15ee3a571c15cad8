"""reseau — analyse et cartographie des réseaux de l'économie sociale et solidaire.

>>> import reseau
>>> G = reseau.charger()
>>> G.number_of_nodes() >= 80
True
"""

from __future__ import annotations

from .carte import construire_carte, ecrire_carte
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
from .essglobal import lire_essglobal
from .exports import FORMATS_EXPORT, exporter
from .figures import produire_figures
from .generateur import ecrire_jeu, generer
from .graphe import filtrer, projection
from .mesures import mesures_organisations, resume_reseau
from .parcours import chemins, designer, portee
from .rapport import construire_rapport, ecrire_rapport
from .regions import classer_regions

__version__ = "0.1.0"

__all__ = [
    "FORMATS_EXPORT",
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
    "chemins",
    "classer_regions",
    "construire_carte",
    "construire_rapport",
    "designer",
    "ecrire_carte",
    "ecrire_jeu",
    "ecrire_rapport",
    "exporter",
    "filtrer",
    "generer",
    "lire_essglobal",
    "mesures_organisations",
    "portee",
    "produire_figures",
    "projection",
    "resume_reseau",
    "valider",
]
