"""Les régions mal reliées : classement et diagnostic (CONCEPTION §4, « Par région »).

Une région est un couple (``pays``, ``region``) ; les organisations sans région forment la
région de leur pays, libellée par le nom du pays. L'indice de connexion et ses poids sont
définis dans ``docs/mesures.md``.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..reglages import POIDS_INDICE  # noqa: F401 (réexporté)
from .courtage import indice_ei
from .mesures import sauts_international

if TYPE_CHECKING:
    import pandas

COLONNES: tuple[str, ...] = (
    "rang", "pays", "region", "organisations", "liens_internes", "liens_externes",
    "liens_internationaux", "isolees", "part_reliee_international", "indice_connexion", "indice_ei", "constats",
)



def _libelle_pays(code: str) -> str:
    from ..entrees.geographie import referentiel

    pays = referentiel().pays.get(code)
    return pays.nom_fr if pays else code


def _dependances(G: nx.MultiGraph, membres: list, passerelles: set) -> tuple[int, dict[Any, list]]:
    """Organisations sûres et, pour chaque passerelle, celles qui n'atteignent l'extérieur que par elle.

    Une organisation est sûre si elle a elle-même un partenaire hors de la région, ou si,
    par des liens internes, elle atteint au moins deux passerelles distinctes.
    """
    interne = G.subgraph(membres)
    sures = len(passerelles)
    dependantes: dict[Any, list] = {}
    for composante in nx.connected_components(interne):
        portes = composante & passerelles
        autres = [x for x in composante if x not in passerelles]
        if len(portes) >= 2:
            sures += len(autres)
        elif len(portes) == 1 and autres:
            dependantes[next(iter(portes))] = autres
    return sures, dependantes


def _constats(ligne: dict[str, Any], isolees: list, passerelles: set, dependantes: dict[Any, list],
              reliees: int) -> list[dict[str, Any]]:
    """Ce qui explique le rang, du plus grave au moins grave : des codes et des nombres, sans phrase.

    Codes : ``unique_isolee``, ``toutes_isolees``, ``isolees``, ``aucun_lien_externe``,
    ``aucun_lien_international``, ``part_internationale``, ``passage_unique``,
    ``bien_reliee_seule``, ``bien_reliee``, ``liens_internationaux``.
    """
    n = ligne["organisations"]
    constats: list[dict[str, Any]] = []
    if n == 1 and isolees:
        constats.append({"code": "unique_isolee", "organisations": list(isolees)})
    elif len(isolees) == n:
        constats.append({"code": "toutes_isolees", "n": n})
    elif isolees:
        constats.append({"code": "isolees", "n": len(isolees), "organisations": list(isolees)})
    if not passerelles and len(isolees) < n:
        constats.append({"code": "aucun_lien_externe"})
    if reliees == 0:
        constats.append({"code": "aucun_lien_international"})
    elif reliees < n:
        constats.append({"code": "part_internationale", "n": reliees, "sur": n})
    if dependantes:
        constats.append({"code": "passage_unique", "passerelles": len(passerelles),
                         "dependantes": {porte: list(autres) for porte, autres in dependantes.items()}})
    if not constats and n == 1:
        constats.append({"code": "bien_reliee_seule"})
    elif not constats:
        constats.append({"code": "bien_reliee", "n": len(passerelles)})
    elif ligne["liens_internationaux"]:
        constats.append({"code": "liens_internationaux", "n": ligne["liens_internationaux"]})
    return constats


def classer_regions(G: nx.MultiGraph) -> pandas.DataFrame:
    """Les régions, de la moins bien reliée (rang 1) à la mieux reliée, avec ce qui explique le rang.

    ``indice_connexion`` = 0,25 × part non isolée + 0,35 × part à 2 liens ou moins de
    l'international + 0,20 × part ayant un partenaire hors de la région + 0,20 × part qui
    ne dépend pas d'une seule organisation pour atteindre l'extérieur. ``constats`` : la liste des
    codes qui expliquent le rang (les phrases sont écrites par :mod:`reseau.rendu.diagnostics`). À indice égal, la
    région la plus peuplée passe devant, puis l'ordre alphabétique. Le graphe n'est pas modifié.

    >>> from reseau.entrees.graphe import construire
    >>> orgs = [{"id": "a", "pays": "CA", "region": "Estrie", "echelle": "locale"},
    ...         {"id": "b", "pays": "CA", "region": "Estrie", "echelle": "locale"},
    ...         {"id": "i", "pays": "SN", "region": "Dakar", "echelle": "internationale"}]
    >>> t = classer_regions(construire(orgs, [{"source": "a", "cible": "i"}]))
    >>> t[["rang", "region", "isolees", "indice_connexion"]].values.tolist()
    [[1, 'Estrie', 1, 0.5], [2, 'Dakar', 0, 1.0]]
    >>> [c["code"] for c in t.loc[0, "constats"]]
    ['isolees', 'part_internationale', 'liens_internationaux']
    """
    import pandas as pd

    region = {x: (d.get("pays") or "", d.get("region") or "") for x, d in G.nodes(data=True)}
    membres: dict[tuple[str, str], list] = {}
    for x, cle in region.items():
        membres.setdefault(cle, []).append(x)
    internes: Counter[tuple[str, str]] = Counter()
    externes: Counter[tuple[str, str]] = Counter()
    internationaux: Counter[tuple[str, str]] = Counter()
    passerelles: dict[tuple[str, str], set] = {cle: set() for cle in membres}
    for u, v in G.edges():
        ru, rv = region[u], region[v]
        if ru == rv:
            internes[ru] += 1
        else:
            externes[ru] += 1
            externes[rv] += 1
            passerelles[ru].add(u)
            passerelles[rv].add(v)
        if "internationale" in (G.nodes[u].get("echelle"), G.nodes[v].get("echelle")):
            internationaux[ru] += 1
            if rv != ru:
                internationaux[rv] += 1
    sauts = sauts_international(G)

    lignes: list[dict[str, Any]] = []
    for (pays, nom_region), noeuds in membres.items():
        n = len(noeuds)
        isolees = [x for x in noeuds if G.degree(x) == 0]
        reliees = sum(1 for x in noeuds if sauts.get(x, 3) <= 2)
        sures, dependantes = _dependances(G, noeuds, passerelles[(pays, nom_region)])
        parts = {
            "non_isolees": 1 - len(isolees) / n,
            "international": reliees / n,
            "ouverture": len(passerelles[(pays, nom_region)]) / n,
            "redondance": sures / n,
        }
        ligne = {
            "pays": pays,
            "region": nom_region or _libelle_pays(pays),
            "organisations": n,
            "liens_internes": internes[(pays, nom_region)],
            "liens_externes": externes[(pays, nom_region)],
            "liens_internationaux": internationaux[(pays, nom_region)],
            "isolees": len(isolees),
            "part_reliee_international": round(parts["international"], 4),
            "indice_connexion": round(sum(POIDS_INDICE[k] * p for k, p in parts.items()), 4),
            # Krackhardt et Stern : (externes − internes) / (externes + internes), vide sans partenariat.
            "indice_ei": indice_ei(internes[(pays, nom_region)], externes[(pays, nom_region)]),
        }
        ligne["constats"] = _constats(ligne, isolees, passerelles[(pays, nom_region)], dependantes, reliees)
        lignes.append(ligne)
    lignes.sort(key=lambda ligne: (ligne["indice_connexion"], -ligne["organisations"], ligne["pays"], ligne["region"]))
    for rang, ligne in enumerate(lignes, start=1):
        ligne["rang"] = rang
    return pd.DataFrame(lignes, columns=list(COLONNES))
