"""reseau — analyse et cartographie des réseaux de l'économie sociale et solidaire.

>>> import reseau
>>> G = reseau.charger()
>>> G.number_of_nodes() >= 80
True

Les noms publics sont importés à la première utilisation (``reseau.charger`` charge alors
``reseau.entrees.chargement``) : la ligne de commande ne paie que ce dont chaque commande
se sert (ticket 20, démarrage).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
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

# Nom public → module qui le définit (relatif au paquet).
_ORIGINES: dict[str, str] = {
    "evolution": ".analyse.evolution",
    "mesures_organisations": ".analyse.mesures",
    "resume_reseau": ".analyse.mesures",
    "chemins": ".analyse.parcours",
    "designer": ".analyse.parcours",
    "portee": ".analyse.parcours",
    "Validation": ".entrees.chargement",
    "charger": ".entrees.chargement",
    "valider": ".entrees.chargement",
    "lire_essglobal": ".entrees.essglobal",
    "Fusion": ".entrees.fusion",
    "fusionner": ".entrees.fusion",
    "ecrire_jeu": ".entrees.generateur",
    "generer": ".entrees.generateur",
    "filtrer": ".entrees.graphe",
    "projection": ".entrees.graphe",
    "CheminIntrouvable": ".erreurs",
    "DesignationAmbigue": ".erreurs",
    "DonneesInvalides": ".erreurs",
    "ErreurReseau": ".erreurs",
    "OrganisationIntrouvable": ".erreurs",
    "ParametreInvalide": ".erreurs",
    "Probleme": ".erreurs",
    "construire_carte": ".rendu.carte",
    "ecrire_carte": ".rendu.carte",
    "classer_regions": ".rendu.diagnostics",
    "suggerer_liens": ".rendu.diagnostics",
    "FORMATS_EXPORT": ".rendu.exports",
    "exporter": ".rendu.exports",
    "produire_figures": ".rendu.figures",
    "ecrire_fusion": ".rendu.modele",
    "modele": ".rendu.modele",
    "construire_rapport": ".rendu.rapport",
    "ecrire_rapport": ".rendu.rapport",
}


def __getattr__(nom: str) -> Any:
    """Importe un nom public à sa première utilisation, puis le garde dans le paquet."""
    origine = _ORIGINES.get(nom)
    if origine is None:
        raise AttributeError(f"module 'reseau' has no attribute {nom!r}")
    valeur = getattr(importlib.import_module(origine, __name__), nom)
    globals()[nom] = valeur
    return valeur


def __dir__() -> list[str]:
    return sorted({*globals(), *_ORIGINES})


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
