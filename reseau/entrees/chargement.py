"""Chargement : lecture, validation, puis graphe (l'entrée de toute commande)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from ..erreurs import DonneesInvalides, Probleme
from .essglobal import fichier_essglobal, lire_jeu_essglobal
from .geographie import dossier_reference, referentiel
from .graphe import construire, filtrer
from .lecture import Table, lire_tables
from .schema import STATUTS_PAR_DEFAUT, LigneOrganisation, LignePartenariat
from .validation import valider_tables


@dataclass
class Validation:
    """Ce que ``valider`` a trouvé dans un jeu de données."""

    source: str
    organisations: list[LigneOrganisation] = field(default_factory=list)
    partenariats: list[LignePartenariat] = field(default_factory=list)
    problemes: list[Probleme] = field(default_factory=list)
    avertissements: list[Probleme] = field(default_factory=list)

    @property
    def valide(self) -> bool:
        """Vrai si aucun problème bloquant."""
        return not self.problemes


def _chemin(donnees: str | Path | None) -> Path:
    return dossier_reference() if donnees is None else Path(donnees)


def _lire(
    chemin: Path, essglobal_echelle: str | None, essglobal_type: str | None
) -> tuple[dict[str, Table], list[Probleme], list[Probleme]]:
    """Tables brutes, problèmes et avertissements de lecture (format ESSGlobal reconnu à ses en-têtes)."""
    fichier = fichier_essglobal(chemin)
    if fichier is not None:
        return lire_jeu_essglobal(fichier, echelle=essglobal_echelle, type=essglobal_type)
    tables, problemes = lire_tables(chemin)
    avertissements = []
    if essglobal_echelle is not None or essglobal_type is not None:
        avertissements.append(
            Probleme(str(chemin), None, None, None, "options ESSGlobal ignorées : ce jeu n'est pas au format ESSGlobal")
        )
    return tables, problemes, avertissements


def valider(
    donnees: str | Path | None = None,
    *,
    essglobal_echelle: str | None = None,
    essglobal_type: str | None = None,
) -> Validation:
    """Lit et vérifie un jeu (dossier, classeur XLSX, CSV ESSGlobal ; défaut : le jeu de référence).

    Ne lève pas pour des données fautives : tout est dans ``problemes`` et ``avertissements``.
    Un CSV ESSGlobal (fichier, ou ``organisations.csv`` d'un dossier) reçoit l'échelle
    ``essglobal_echelle`` et le type ``essglobal_type`` qu'il ne donne pas (voir :mod:`reseau.entrees.essglobal`).

    >>> v = valider()
    >>> v.valide, len(v.organisations) >= 80
    (True, True)
    """
    chemin = _chemin(donnees)
    tables, problemes, avertissements = _lire(chemin, essglobal_echelle, essglobal_type)
    resultat = valider_tables(tables, referentiel())
    return Validation(
        source=str(chemin),
        organisations=resultat.organisations,
        partenariats=resultat.partenariats,
        problemes=problemes + resultat.problemes,
        avertissements=avertissements + resultat.avertissements,
    )


def charger(
    donnees: str | Path | None = None,
    *,
    annee: int | None = None,
    echelle: Iterable[str] | str | None = None,
    pays: Iterable[str] | str | None = None,
    statut: Iterable[str] | str | None = STATUTS_PAR_DEFAUT,
    essglobal_echelle: str | None = None,
    essglobal_type: str | None = None,
) -> nx.MultiGraph:
    """Charge un jeu en ``MultiGraph`` (un nœud par organisation, une arête par partenariat).

    Lève :class:`~reseau.erreurs.DonneesInvalides` avec tous les problèmes s'il y en a.
    Les filtres gardent les partenariats actifs en ``annee`` et des statuts donnés (défaut : attestés
    et intentions ; les co-mentions sont écartées, ``statut=None`` garde tout), et les organisations
    des échelles et pays donnés. ``essglobal_echelle`` et ``essglobal_type`` : voir :func:`valider`.

    >>> G = charger()
    >>> G.nodes["gesq"]["pays"]
    'CA'
    """
    validation = valider(donnees, essglobal_echelle=essglobal_echelle, essglobal_type=essglobal_type)
    if not validation.valide:
        raise DonneesInvalides(validation.source, validation.problemes)
    G = construire(validation.organisations, validation.partenariats, validation.source)
    G.graph["avertissements"] = [str(a) for a in validation.avertissements]
    if annee is None and echelle is None and pays is None and statut is None:
        return G
    return filtrer(G, annee=annee, echelle=echelle, pays=pays, statut=statut)
