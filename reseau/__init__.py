"""reseau — analyse et cartographie des réseaux de l'économie sociale et solidaire.

>>> import reseau
>>> G = reseau.charger()
>>> G.number_of_nodes() >= 80
True
"""

from __future__ import annotations

from ._version import __version__
from .analyse.evolution import evolution
from .analyse.mesures import mesures_organisations, resume_reseau
from .analyse.parcours import chemins, designer, portee
from .entrees.chargement import Validation, charger, valider
from .entrees.essglobal import lire_essglobal
from .entrees.fusion import Fusion, fusionner
from .entrees.generateur import ecrire_jeu, generer
from .entrees.graphe import filtrer, projection
from .erreurs import (
    CheminIntrouvable,
    DesignationAmbigue,
    DonneesInvalides,
    ErreurReseau,
    OrganisationIntrouvable,
    ParametreInvalide,
    Probleme,
)
from .rendu.carte import construire_carte, ecrire_carte
from .rendu.diagnostics import classer_regions, suggerer_liens
from .rendu.exports import FORMATS_EXPORT, exporter
from .rendu.figures import produire_figures
from .rendu.modele import ecrire_fusion, modele
from .rendu.rapport import construire_rapport, ecrire_rapport

__all__ = [
    "FORMATS_EXPORT",
    "Fusion",
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
    "ecrire_fusion",
    "ecrire_jeu",
    "ecrire_rapport",
    "evolution",
    "exporter",
    "filtrer",
    "fusionner",
    "generer",
    "lire_essglobal",
    "mesures_organisations",
    "modele",
    "portee",
    "produire_figures",
    "projection",
    "resume_reseau",
    "suggerer_liens",
    "valider",
]
