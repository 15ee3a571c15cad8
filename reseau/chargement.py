"""Chargement : lecture, validation, puis graphe (l'entrée de toute commande)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .erreurs import DonneesInvalides, Probleme
from .graphe import construire, filtrer
from .lecture import lire_tables
from .referentiel import dossier_reference, referentiel
from .validation import valider_tables


@dataclass
class Validation:
    """Ce que ``valider`` a trouvé dans un jeu de données."""

    source: str
    organisations: list[dict] = field(default_factory=list)
    partenariats: list[dict] = field(default_factory=list)
    problemes: list[Probleme] = field(default_factory=list)
    avertissements: list[Probleme] = field(default_factory=list)

    @property
    def valide(self) -> bool:
        """Vrai si aucun problème bloquant."""
        return not self.problemes


def _chemin(donnees: str | Path | None) -> Path:
    return dossier_reference() if donnees is None else Path(donnees)


def valider(donnees: str | Path | None = None) -> Validation:
    """Lit et vérifie un jeu (dossier, classeur XLSX ; défaut : le jeu de référence).

    Ne lève pas pour des données fautives : tout est dans ``problemes`` et ``avertissements``.

    >>> v = valider()
    >>> v.valide, len(v.organisations) >= 80
    (True, True)
    """
    chemin = _chemin(donnees)
    tables, problemes = lire_tables(chemin)
    resultat = valider_tables(tables, referentiel())
    return Validation(
        source=str(chemin),
        organisations=resultat.organisations,
        partenariats=resultat.partenariats,
        problemes=problemes + resultat.problemes,
        avertissements=resultat.avertissements,
    )


def charger(
    donnees: str | Path | None = None,
    *,
    annee: int | None = None,
    echelle: Iterable[str] | str | None = None,
    pays: Iterable[str] | str | None = None,
) -> nx.MultiGraph:
    """Charge un jeu en ``MultiGraph`` (un nœud par organisation, une arête par partenariat).

    Lève :class:`~reseau.erreurs.DonneesInvalides` avec tous les problèmes s'il y en a.
    Les filtres gardent les partenariats actifs en ``annee`` et les organisations
    des échelles et pays donnés.

    >>> G = charger()
    >>> G.nodes["gesq"]["pays"]
    'CA'
    """
    validation = valider(donnees)
    if not validation.valide:
        raise DonneesInvalides(validation.source, validation.problemes)
    G = construire(validation.organisations, validation.partenariats, validation.source)
    G.graph["avertissements"] = [str(a) for a in validation.avertissements]
    if annee is None and echelle is None and pays is None:
        return G
    return filtrer(G, annee=annee, echelle=echelle, pays=pays)
