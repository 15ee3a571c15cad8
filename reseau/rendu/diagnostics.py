"""Les diagnostics des régions en phrases, dans la langue choisie.

L'analyse (:func:`reseau.analyse.regions.classer_regions`) rend des constats codés ;
ce module les écrit pour les gens.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..analyse import regions as _analyse
from .libelles import libelle, nom_court

if TYPE_CHECKING:
    import pandas

# Noms cités au plus dans une phrase de diagnostic.
NOMS_CITES = 5


def _pluriel(cle: str, n: int, langue: str, **valeurs: Any) -> str:
    return libelle(f"{cle}_{'1' if n == 1 else 'n'}", langue, n=n, **valeurs)


def _liste(G: nx.MultiGraph, noeuds: list[Hashable], langue: str) -> str:
    noms = sorted(nom_court(G.nodes[x], x) for x in noeuds)
    reste = len(noms) - NOMS_CITES
    return ", ".join(noms[:NOMS_CITES]) + (_pluriel("diag_et_autres", reste, langue) if reste > 0 else "")


def _phrase(G: nx.MultiGraph, constat: Mapping[str, Any], langue: str) -> str:
    code = constat["code"]
    if code == "unique_isolee":
        x = constat["organisations"][0]
        return libelle("diag_unique_isolee", langue, nom=nom_court(G.nodes[x], x))
    if code == "isolees":
        return _pluriel("diag_isolees", constat["n"], langue, liste=_liste(G, constat["organisations"], langue))
    if code in ("part_internationale", "bien_reliee", "liens_internationaux"):
        return _pluriel(f"diag_{code}", constat["n"], langue, sur=constat.get("sur"))
    if code == "passage_unique":
        porte, autres = max(constat["dependantes"].items(),
                            key=lambda item: (len(item[1]), nom_court(G.nodes[item[0]], item[0])))
        cle = "diag_passage_seul" if constat["passerelles"] == 1 else "diag_passage"
        return _pluriel(cle, len(autres), langue, porte=nom_court(G.nodes[porte], porte))
    return libelle(f"diag_{code}", langue, **{k: v for k, v in constat.items() if k != "code"})


def diagnostic(G: nx.MultiGraph, constats: list[Mapping[str, Any]], langue: str = "fr") -> str:
    """Les constats d'une région en phrases, de la plus grave à la moins grave.

    >>> G = nx.MultiGraph()
    >>> G.add_node("a", sigle="GESQ")
    >>> diagnostic(G, [{"code": "unique_isolee", "organisations": ["a"]}], "en")
    'Its only organisation, GESQ, is isolated (no partnership).'
    """
    return " ".join(p[0].upper() + p[1:] + "." for p in (_phrase(G, c, langue) for c in constats))


def classer_regions(G: nx.MultiGraph, langue: str = "fr") -> pandas.DataFrame:
    """Le classement des régions (:func:`reseau.analyse.regions.classer_regions`) et son ``diagnostic`` en phrases.

    Examples
    --------
    >>> from reseau.entrees.graphe import construire
    >>> orgs = [{"id": "a", "pays": "CA", "region": "Estrie", "echelle": "locale"},
    ...         {"id": "b", "pays": "CA", "region": "Estrie", "echelle": "locale"},
    ...         {"id": "i", "pays": "SN", "region": "Dakar", "echelle": "internationale"}]
    >>> t = classer_regions(construire(orgs, [{"source": "a", "cible": "i"}]))
    >>> for phrase in t.loc[0, "diagnostic"].split(". "):
    ...     print(phrase)
    1 organisation isolée : b
    1 organisation sur 2 à 2 liens ou moins de l'international
    1 partenariat avec des organisations internationales.
    """
    table = _analyse.classer_regions(G)
    table["diagnostic"] = [diagnostic(G, constats, langue) for constats in table["constats"]]
    return table


# Colonnes du classement expliqué (sorties de ``reseau regions``).
COLONNES: tuple[str, ...] = (*(c for c in _analyse.COLONNES if c != "constats"), "diagnostic")
